using System;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using Amazon.Runtime;
using Amazon.Runtime.Internal;

namespace IRSteps.Client.SageMaker
{
    /// <summary>One retry as it starts: which attempt, why, and how long the SDK waited before it.</summary>
    internal sealed class RetryReport
    {
        public RetryReport(int attempt, int retry, int maxRetries, bool countsAgainstLimit, Exception? previousError, TimeSpan waited)
        {
            Attempt = attempt;
            Retry = retry;
            MaxRetries = maxRetries;
            CountsAgainstLimit = countsAgainstLimit;
            PreviousError = previousError;
            Waited = waited;
        }

        /// <summary>The attempt starting now, 2 for the first resend.</summary>
        public int Attempt { get; }

        /// <summary>The retries the retry mode has made so far, this one included (stays put for an uncounted resend).</summary>
        public int Retry { get; }

        /// <summary>The retries the retry mode allows (max attempts - 1).</summary>
        public int MaxRetries { get; }

        /// <summary>False for the SDK's immediate resend over a new connection after a connection broke (not counted).</summary>
        public bool CountsAgainstLimit { get; }

        public Exception? PreviousError { get; }

        /// <summary>The time between the failure and this attempt: the back-off.</summary>
        public TimeSpan Waited { get; }
    }

    /// <summary>
    /// A pipeline handler placed just inside the SDK's RetryHandler, so it runs once per attempt: it notes
    /// each attempt's failure and, when the RetryHandler sends the request again, tells the call's
    /// <see cref="Observer"/> (which writes it to -Verbose). It changes nothing in the exchange.
    /// </summary>
    internal sealed class RetryReporter : PipelineHandler
    {
        private const string StateKey = "IRSteps.RetryReporter";

        /// <summary>
        /// Who hears of the retries of the calls made in this async flow. Clients are shared between commands
        /// and run concurrently, so the listener travels with the call rather than with the client; set it in
        /// the async method that makes the call and it is scoped to that call.
        /// </summary>
        public static readonly AsyncLocal<Action<RetryReport>> Observer = new AsyncLocal<Action<RetryReport>>();

        public override void InvokeSync(IExecutionContext executionContext)
        {
            AttemptState state = BeginAttempt(executionContext);
            try
            {
                base.InvokeSync(executionContext);
            }
            catch (Exception exception)
            {
                state.Failed(exception);
                throw;
            }
        }

        public override async Task<T> InvokeAsync<T>(IExecutionContext executionContext)
        {
            AttemptState state = BeginAttempt(executionContext);
            try
            {
                return await base.InvokeAsync<T>(executionContext).ConfigureAwait(false);
            }
            catch (Exception exception)
            {
                state.Failed(exception);
                throw;
            }
        }

        private static AttemptState BeginAttempt(IExecutionContext executionContext)
        {
            IRequestContext context = executionContext.RequestContext;
            if (!context.ContextAttributes.TryGetValue(StateKey, out object existing) || !(existing is AttemptState state))
            {
                state = new AttemptState(context.Retries);
                context.ContextAttributes[StateKey] = state;
                return state;
            }

            bool counted = context.Retries > state.RetriesAtLastAttempt;
            state.Next(context.Retries);
            Action<RetryReport> observer = Observer.Value;
            if (observer != null)
            {
                try
                {
                    observer(new RetryReport(state.Attempt, context.Retries, context.ClientConfig.MaxErrorRetry, counted, state.LastError, state.SinceFailure));
                }
                catch (Exception)
                {
                    // Reporting must never break the request.
                }
            }

            return state;
        }

        private sealed class AttemptState
        {
            private readonly Stopwatch sinceFailure = new Stopwatch();

            public AttemptState(int retries)
            {
                Attempt = 1;
                RetriesAtLastAttempt = retries;
            }

            public int Attempt { get; private set; }
            public int RetriesAtLastAttempt { get; private set; }
            public Exception? LastError { get; private set; }
            public TimeSpan SinceFailure => sinceFailure.Elapsed;

            public void Failed(Exception exception)
            {
                LastError = exception;
                sinceFailure.Restart();
            }

            public void Next(int retries)
            {
                Attempt++;
                RetriesAtLastAttempt = retries;
            }
        }
    }
}
