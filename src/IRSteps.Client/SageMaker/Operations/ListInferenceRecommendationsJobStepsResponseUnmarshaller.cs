using System.Collections.Generic;
using Amazon.Runtime.Internal.Transform;
using Amazon.Runtime.Internal.Util;
using IRSteps.Client.SageMaker.Transform;
using IRSteps.Model;

namespace IRSteps.Client.SageMaker.Operations
{
    internal sealed class ListInferenceRecommendationsJobStepsResponseUnmarshaller : JsonResponseUnmarshallerBase<ListInferenceRecommendationsJobStepsResponse>
    {
        public static ListInferenceRecommendationsJobStepsResponseUnmarshaller Instance { get; } = new ListInferenceRecommendationsJobStepsResponseUnmarshaller();

        private static readonly ModelListUnmarshaller<InferenceRecommendationsJobStep> Steps =
            new ModelListUnmarshaller<InferenceRecommendationsJobStep>(InferenceRecommendationsJobStepUnmarshaller.Instance);

        protected override void ReadMember(JsonUnmarshallerContext context, ref StreamingUtf8JsonReader reader, int depth, ListInferenceRecommendationsJobStepsResponse output)
        {
            if (context.TestExpression("Steps", depth, ref reader))
            {
                output.Steps = Steps.Unmarshall(context, ref reader) ?? new List<InferenceRecommendationsJobStep>();
            }
            else if (context.TestExpression("NextToken", depth, ref reader))
            {
                output.NextToken = StringUnmarshaller.Instance.Unmarshall(context, ref reader);
            }
        }
    }
}
