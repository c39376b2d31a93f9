using System.Collections.Generic;
using Amazon.Runtime.Internal.Transform;
using Amazon.Runtime.Internal.Util;
using IRSteps.Client.SageMaker.Transform;
using IRSteps.Model;

namespace IRSteps.Client.SageMaker.Operations
{
    internal sealed class ListInferenceRecommendationsJobsResponseUnmarshaller : JsonResponseUnmarshallerBase<ListInferenceRecommendationsJobsResponse>
    {
        public static ListInferenceRecommendationsJobsResponseUnmarshaller Instance { get; } = new ListInferenceRecommendationsJobsResponseUnmarshaller();

        private static readonly ModelListUnmarshaller<InferenceRecommendationsJob> Jobs =
            new ModelListUnmarshaller<InferenceRecommendationsJob>(InferenceRecommendationsJobUnmarshaller.Instance);

        protected override void ReadMember(JsonUnmarshallerContext context, ref StreamingUtf8JsonReader reader, int depth, ListInferenceRecommendationsJobsResponse output)
        {
            if (context.TestExpression("InferenceRecommendationsJobs", depth, ref reader))
            {
                output.InferenceRecommendationsJobs = Jobs.Unmarshall(context, ref reader) ?? new List<InferenceRecommendationsJob>();
            }
            else if (context.TestExpression("NextToken", depth, ref reader))
            {
                output.NextToken = StringUnmarshaller.Instance.Unmarshall(context, ref reader);
            }
        }
    }
}
