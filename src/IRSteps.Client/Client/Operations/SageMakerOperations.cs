using IRSteps.Model;

namespace IRSteps.Client.Operations
{
    /// <summary>The operations the module wraps. A new one is a marshaller, an unmarshaller and a line here.</summary>
    public static class SageMakerOperations
    {
        public static readonly SageMakerOperation<ListInferenceRecommendationsJobStepsRequest, ListInferenceRecommendationsJobStepsResponse> ListInferenceRecommendationsJobSteps =
            new SageMakerOperation<ListInferenceRecommendationsJobStepsRequest, ListInferenceRecommendationsJobStepsResponse>(
                "ListInferenceRecommendationsJobSteps",
                ListInferenceRecommendationsJobStepsRequestMarshaller.Instance,
                ListInferenceRecommendationsJobStepsResponseUnmarshaller.Instance);
    }
}
