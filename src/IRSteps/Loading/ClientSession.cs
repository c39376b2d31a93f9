using System;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using IRSteps.Contract;
using IRSteps.Streams;

namespace IRSteps.Loading
{
    /// <summary>
    /// The client of one command: made by the loader's factory for the connection parameters bound now, kept while
    /// they stay the same (<see cref="ConnectionRequest.CacheKey"/>), and wrapped so that every request it makes
    /// reports itself to the command's <see cref="MessagePump"/> (the -Verbose line, listing progress).
    /// </summary>
    internal sealed class ClientSession : IDisposable
    {
        private readonly MessagePump messages;
        private readonly CancellationToken cancellationToken;
        private IRecommenderClient? client;
        private string? key;

        public ClientSession(MessagePump messages, CancellationToken cancellationToken)
        {
            this.messages = messages;
            this.cancellationToken = cancellationToken;
        }

        /// <summary>
        /// The client for this request: the one made last when the request settles the same way, else a new one.
        /// Throws IRStepsConfigurationException when credentials, region or endpoint cannot be settled.
        /// </summary>
        public IRecommenderClient For(ConnectionRequest request)
        {
            string requestKey = request.CacheKey();
            if (client != null && requestKey == key) return client;

            client?.Dispose();
            client = null;
            try
            {
                client = new ObservedRecommenderClient(messages.Await(CreateAsync(request)), messages.Report);
            }
            finally
            {
                messages.Flush();
            }

            key = requestKey;
            return client;
        }

        /// <summary>
        /// Resolves the connection on a worker thread, so that Ctrl+C ends the command at once even while credentials
        /// are being fetched (a slow STS, SSO or credential_process call, which the SDK gives no token to); the
        /// pipeline thread pumps the client's messages and any MFA prompt meanwhile. A client whose creation is
        /// abandoned this way is disposed when it is done.
        /// </summary>
        private Task<IRecommenderClient> CreateAsync(ConnectionRequest request)
        {
            Task<IRecommenderClient> creating = Task.Run(() => ClientLoader.Create(request));
            var outcome = new TaskCompletionSource<IRecommenderClient>();
            CancellationTokenRegistration stop = cancellationToken.Register(() => outcome.TrySetException(new PipelineStoppedException()));
            creating.ContinueWith(done =>
            {
                stop.Dispose();
                if (done.IsFaulted) outcome.TrySetException(done.Exception.InnerExceptions);
                else if (done.IsCanceled) outcome.TrySetCanceled();
                else if (!outcome.TrySetResult(done.Result)) done.Result?.Dispose();
            }, TaskScheduler.Default);
            return outcome.Task;
        }

        public void Dispose() => client?.Dispose();
    }
}
