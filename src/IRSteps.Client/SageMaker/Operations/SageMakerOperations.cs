using IRSteps.Model;

namespace IRSteps.Client.SageMaker.Operations
{
    /// <summary>
    /// The operations the module wraps: each pairs its marshaller and unmarshaller. A new operation touches a dozen
    /// files besides this one; docs/ARCHITECTURE.md ("Adding an operation") lists them.
    /// </summary>
    internal static class SageMakerOperations
    {
        public static readonly SageMakerOperation<ListInferenceRecommendationsJobStepsRequest, ListInferenceRecommendationsJobStepsResponse> ListInferenceRecommendationsJobSteps =
            new SageMakerOperation<ListInferenceRecommendationsJobStepsRequest, ListInferenceRecommendationsJobStepsResponse>(
                ListInferenceRecommendationsJobStepsRequestMarshaller.Instance,
                ListInferenceRecommendationsJobStepsResponseUnmarshaller.Instance);

        public static readonly SageMakerOperation<ListInferenceRecommendationsJobsRequest, ListInferenceRecommendationsJobsResponse> ListInferenceRecommendationsJobs =
            new SageMakerOperation<ListInferenceRecommendationsJobsRequest, ListInferenceRecommendationsJobsResponse>(
                ListInferenceRecommendationsJobsRequestMarshaller.Instance,
                ListInferenceRecommendationsJobsResponseUnmarshaller.Instance);

        public static readonly SageMakerOperation<DescribeInferenceRecommendationsJobRequest, DescribeInferenceRecommendationsJobResponse> DescribeInferenceRecommendationsJob =
            new SageMakerOperation<DescribeInferenceRecommendationsJobRequest, DescribeInferenceRecommendationsJobResponse>(
                DescribeInferenceRecommendationsJobRequestMarshaller.Instance,
                DescribeInferenceRecommendationsJobResponseUnmarshaller.Instance);

        public static readonly SageMakerOperation<StopInferenceRecommendationsJobRequest, StopInferenceRecommendationsJobResponse> StopInferenceRecommendationsJob =
            new SageMakerOperation<StopInferenceRecommendationsJobRequest, StopInferenceRecommendationsJobResponse>(
                StopInferenceRecommendationsJobRequestMarshaller.Instance,
                StopInferenceRecommendationsJobResponseUnmarshaller.Instance);
    }
}
