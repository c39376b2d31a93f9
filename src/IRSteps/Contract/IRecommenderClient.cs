using System;
using System.Threading;
using System.Threading.Tasks;
using IRSteps.Model;

namespace IRSteps.Contract
{
    /// <summary>
    /// The client: the SageMaker Inference Recommender operations the module uses. Implemented by IRSteps.Client
    /// on AWSSDK.Core; implementations throw IRStepsServiceException, never an SDK exception.
    /// </summary>
    public interface IRecommenderClient : IDisposable
    {
        Task<ListInferenceRecommendationsJobStepsResponse> ListInferenceRecommendationsJobStepsAsync(
            ListInferenceRecommendationsJobStepsRequest request, CancellationToken cancellationToken);

        Task<ListInferenceRecommendationsJobsResponse> ListInferenceRecommendationsJobsAsync(
            ListInferenceRecommendationsJobsRequest request, CancellationToken cancellationToken);

        Task<DescribeInferenceRecommendationsJobResponse> DescribeInferenceRecommendationsJobAsync(
            DescribeInferenceRecommendationsJobRequest request, CancellationToken cancellationToken);

        Task<StopInferenceRecommendationsJobResponse> StopInferenceRecommendationsJobAsync(
            StopInferenceRecommendationsJobRequest request, CancellationToken cancellationToken);
    }
}
