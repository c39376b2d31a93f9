using System.Threading;

namespace IRSteps.Emulator.Http
{
    /// <summary>A request being answered, and a token cancelled when its client disconnects before the answer.</summary>
    internal sealed class HttpExchange
    {
        public HttpExchange(HttpRequest request, CancellationToken clientGone)
        {
            Request = request;
            ClientGone = clientGone;
        }

        public HttpRequest Request { get; }

        /// <summary>Cancelled when the client closes the connection while its request is being answered.</summary>
        public CancellationToken ClientGone { get; }
    }
}
