using System;
using System.Threading;
using System.Threading.Tasks;
using IRSteps.Model;
using IRSteps.Services;

namespace IRSteps.Client
{
    /// <summary>The module's view of SageMaker: our client's operations, with SDK exceptions translated.</summary>
    internal sealed class RecommenderService : IRecommenderService
    {
        private readonly SageMakerClient client;
        private readonly ExceptionTranslator translator;

        public RecommenderService(SageMakerClient client, ConnectionInfo connection, ExceptionTranslator translator)
        {
            this.client = client;
            this.translator = translator;
            Connection = connection;
        }

        public ConnectionInfo Connection { get; }

        public Task<ListInferenceRecommendationsJobStepsResponse> ListInferenceRecommendationsJobStepsAsync(
            ListInferenceRecommendationsJobStepsRequest request, CancellationToken cancellationToken)
            => CallAsync("ListInferenceRecommendationsJobSteps", JobSubject(request.JobName), token => client.ListInferenceRecommendationsJobStepsAsync(request, token), cancellationToken);

        public Task<ListInferenceRecommendationsJobsResponse> ListInferenceRecommendationsJobsAsync(
            ListInferenceRecommendationsJobsRequest request, CancellationToken cancellationToken)
            => CallAsync("ListInferenceRecommendationsJobs", "the job listing", token => client.ListInferenceRecommendationsJobsAsync(request, token), cancellationToken);

        public Task<DescribeInferenceRecommendationsJobResponse> DescribeInferenceRecommendationsJobAsync(
            DescribeInferenceRecommendationsJobRequest request, CancellationToken cancellationToken)
            => CallAsync("DescribeInferenceRecommendationsJob", JobSubject(request.JobName), token => client.DescribeInferenceRecommendationsJobAsync(request, token), cancellationToken);

        public Task<StopInferenceRecommendationsJobResponse> StopInferenceRecommendationsJobAsync(
            StopInferenceRecommendationsJobRequest request, CancellationToken cancellationToken)
            => CallAsync("StopInferenceRecommendationsJob", JobSubject(request.JobName), token => client.StopInferenceRecommendationsJobAsync(request, token), cancellationToken);

        private static string JobSubject(string jobName) => "job '" + jobName + "'";

        private async Task<T> CallAsync<T>(string operation, string subject, Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken)
        {
            try
            {
                return await call(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (Exception exception)
            {
                throw translator.Translate(exception, operation, subject);
            }
        }

        /// <summary>Clients are shared across commands (see the factory); nothing to release per command.</summary>
        public void Dispose()
        {
        }
    }
}
