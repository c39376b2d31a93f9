using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using IRSteps.Model;

namespace IRSteps.Contract
{
    /// <summary>
    /// The SageMaker Inference Recommender operations the module uses. Implemented by IRSteps.Client
    /// on AWSSDK.Core; implementations throw IRStepsServiceException, never an SDK exception.
    /// </summary>
    public interface IRecommenderService : IDisposable
    {
        ConnectionInfo Connection { get; }

        Task<ListInferenceRecommendationsJobStepsResponse> ListInferenceRecommendationsJobStepsAsync(
            ListInferenceRecommendationsJobStepsRequest request, CancellationToken cancellationToken);

        Task<ListInferenceRecommendationsJobsResponse> ListInferenceRecommendationsJobsAsync(
            ListInferenceRecommendationsJobsRequest request, CancellationToken cancellationToken);

        Task<DescribeInferenceRecommendationsJobResponse> DescribeInferenceRecommendationsJobAsync(
            DescribeInferenceRecommendationsJobRequest request, CancellationToken cancellationToken);

        Task<StopInferenceRecommendationsJobResponse> StopInferenceRecommendationsJobAsync(
            StopInferenceRecommendationsJobRequest request, CancellationToken cancellationToken);
    }

    /// <summary>Creates services from a cmdlet's connection request.</summary>
    public interface IRecommenderServiceFactory
    {
        /// <summary>Resolves credentials, region and endpoint; throws IRStepsConfigurationException when it cannot.</summary>
        IRecommenderService Create(ConnectionRequest request);

        /// <summary>The regions the AWS SDK knows, as (system name, display name), for Tab completion of -Region.</summary>
        IReadOnlyList<KeyValuePair<string, string>> Regions();

        /// <summary>
        /// The profiles -ProfileName could name, in <paramref name="profileLocation"/> when given, else the SDK store
        /// and the shared files the environment names, as (name, what it holds), for Tab completion.
        /// </summary>
        IReadOnlyList<KeyValuePair<string, string>> Profiles(string profileLocation);
    }
}
