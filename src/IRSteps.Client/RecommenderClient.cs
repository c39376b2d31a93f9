using System;
using System.Threading;
using System.Threading.Tasks;
using IRSteps.Client.SageMaker;
using IRSteps.Contract;
using IRSteps.Model;

namespace IRSteps.Client
{
    /// <summary>The module's view of SageMaker: our client's operations, with SDK exceptions translated.</summary>
    internal sealed class RecommenderClient : IRecommenderClient
    {
        private readonly SageMakerClient client;
        private readonly ExceptionTranslator translator;
        private readonly TimeSpan timeout;
        private readonly Action<string>? verbose;

        /// <param name="timeout">How long one call may take, its retries and back-offs included.</param>
        /// <param name="verbose">Where each retry is reported (any thread); may be null.</param>
        public RecommenderClient(SageMakerClient client, ExceptionTranslator translator, TimeSpan timeout, Action<string>? verbose)
        {
            this.client = client;
            this.translator = translator;
            this.timeout = timeout;
            this.verbose = verbose;
        }

        public Task<ListInferenceRecommendationsJobStepsResponse> ListInferenceRecommendationsJobStepsAsync(
            ListInferenceRecommendationsJobStepsRequest request, CancellationToken cancellationToken)
            => CallAsync("ListInferenceRecommendationsJobSteps", Subjects.Job(request.JobName), token => client.ListInferenceRecommendationsJobStepsAsync(request, token), cancellationToken);

        public Task<ListInferenceRecommendationsJobsResponse> ListInferenceRecommendationsJobsAsync(
            ListInferenceRecommendationsJobsRequest request, CancellationToken cancellationToken)
            => CallAsync("ListInferenceRecommendationsJobs", "the job listing", token => client.ListInferenceRecommendationsJobsAsync(request, token), cancellationToken);

        public Task<DescribeInferenceRecommendationsJobResponse> DescribeInferenceRecommendationsJobAsync(
            DescribeInferenceRecommendationsJobRequest request, CancellationToken cancellationToken)
            => CallAsync("DescribeInferenceRecommendationsJob", Subjects.Job(request.JobName), token => client.DescribeInferenceRecommendationsJobAsync(request, token), cancellationToken);

        public Task<StopInferenceRecommendationsJobResponse> StopInferenceRecommendationsJobAsync(
            StopInferenceRecommendationsJobRequest request, CancellationToken cancellationToken)
            => CallAsync("StopInferenceRecommendationsJob", Subjects.Job(request.JobName), token => client.StopInferenceRecommendationsJobAsync(request, token), cancellationToken);

        /// <summary>
        /// Makes one call under a deadline that covers all its attempts (so the SDK's retries of a request that
        /// timed out cannot multiply the wait), reports its retries, and translates what it throws.
        /// Ctrl+C (the caller's token) passes through as cancellation.
        /// </summary>
        private async Task<T> CallAsync<T>(string operation, string subject, Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken)
        {
            if (verbose != null)
            {
                RetryReporter.Observer.Value = report => verbose(translator.DescribeRetry(report, operation, subject));
            }

            using (var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                deadline.CancelAfter(timeout);
                try
                {
                    return await call(deadline.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    throw;
                }
                catch (Exception exception) when (deadline.IsCancellationRequested)
                {
                    throw translator.TimedOut(exception, operation, subject, timeout);
                }
                catch (Exception exception)
                {
                    throw translator.Translate(exception, operation, subject);
                }
            }
        }

        /// <summary>Clients are shared across commands (see the factory); nothing to release per command.</summary>
        public void Dispose()
        {
        }
    }
}
