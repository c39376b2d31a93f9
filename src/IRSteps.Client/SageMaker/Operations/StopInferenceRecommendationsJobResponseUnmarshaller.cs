using Amazon.Runtime.Internal.Transform;
using Amazon.Runtime.Internal.Util;
using IRSteps.Model;

namespace IRSteps.Client.SageMaker.Operations
{
    /// <summary>The answer is an empty object; any member is skipped. Only the request id is kept.</summary>
    internal sealed class StopInferenceRecommendationsJobResponseUnmarshaller : JsonResponseUnmarshallerBase<StopInferenceRecommendationsJobResponse>
    {
        public static StopInferenceRecommendationsJobResponseUnmarshaller Instance { get; } = new StopInferenceRecommendationsJobResponseUnmarshaller();

        protected override void ReadMember(JsonUnmarshallerContext context, ref StreamingUtf8JsonReader reader, int depth, StopInferenceRecommendationsJobResponse output)
        {
        }
    }
}
