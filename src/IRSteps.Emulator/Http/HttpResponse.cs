using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace IRSteps.Emulator.Http
{
    /// <summary>How the connection ends after an answer.</summary>
    internal enum ConnectionEnd
    {
        /// <summary>As HTTP says: open for the next request unless the client asked to close.</summary>
        AsRequested,

        /// <summary>Closed (FIN) once the answer is written.</summary>
        Close,

        /// <summary>Aborted (RST) once the answer is written: the client sees a broken connection.</summary>
        Reset,
    }

    /// <summary>
    /// An answer to write. Faults break it on purpose through the members below the body: announce a longer
    /// Content-Length than is sent, send only part of the body, pause between headers and body, end with a reset.
    /// </summary>
    internal sealed class HttpResponse
    {
        public HttpResponse(int status, string contentType, byte[] body)
        {
            Status = status;
            ContentType = contentType;
            Body = body ?? Array.Empty<byte>();
        }

        public int Status { get; set; }

        public string ContentType { get; set; }

        public byte[] Body { get; set; }

        public List<KeyValuePair<string, string>> Headers { get; } = new List<KeyValuePair<string, string>>();

        /// <summary>The Content-Length announced, when it is not the body's length.</summary>
        public long? DeclaredLength { get; set; }

        /// <summary>How many bytes of the body are sent, when not all.</summary>
        public int? SentLength { get; set; }

        /// <summary>Awaited after the headers are on the wire and before the body (a body that stalls).</summary>
        public Func<CancellationToken, Task> BetweenHeadersAndBody { get; set; }

        public ConnectionEnd End { get; set; }

        public HttpResponse WithHeader(string name, string value)
        {
            Headers.Add(new KeyValuePair<string, string>(name, value));
            return this;
        }
    }
}
