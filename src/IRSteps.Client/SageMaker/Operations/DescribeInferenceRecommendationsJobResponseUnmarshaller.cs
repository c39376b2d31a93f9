using Amazon.Runtime.Internal.Transform;
using Amazon.Runtime.Internal.Util;
using IRSteps.Client.SageMaker.Transform;
using IRSteps.Model;

namespace IRSteps.Client.SageMaker.Operations
{
    internal sealed class DescribeInferenceRecommendationsJobResponseUnmarshaller : JsonResponseUnmarshallerBase<DescribeInferenceRecommendationsJobResponse>
    {
        public static DescribeInferenceRecommendationsJobResponseUnmarshaller Instance { get; } = new DescribeInferenceRecommendationsJobResponseUnmarshaller();

        private static readonly ModelListUnmarshaller<InferenceRecommendation> Recommendations =
            new ModelListUnmarshaller<InferenceRecommendation>(InferenceRecommendationUnmarshaller.Instance);

        private static readonly ModelListUnmarshaller<EndpointPerformance> Performances =
            new ModelListUnmarshaller<EndpointPerformance>(EndpointPerformanceUnmarshaller.Instance);

        protected override void ReadMember(JsonUnmarshallerContext context, ref StreamingUtf8JsonReader reader, int depth, DescribeInferenceRecommendationsJobResponse output)
        {
            if (context.TestExpression("JobName", depth, ref reader)) output.JobName = StringUnmarshaller.Instance.Unmarshall(context, ref reader);
            else if (context.TestExpression("JobDescription", depth, ref reader)) output.JobDescription = StringUnmarshaller.Instance.Unmarshall(context, ref reader);
            else if (context.TestExpression("JobType", depth, ref reader)) output.JobType = StringUnmarshaller.Instance.Unmarshall(context, ref reader);
            else if (context.TestExpression("JobArn", depth, ref reader)) output.JobArn = StringUnmarshaller.Instance.Unmarshall(context, ref reader);
            else if (context.TestExpression("RoleArn", depth, ref reader)) output.RoleArn = StringUnmarshaller.Instance.Unmarshall(context, ref reader);
            else if (context.TestExpression("Status", depth, ref reader)) output.Status = StringUnmarshaller.Instance.Unmarshall(context, ref reader);
            else if (context.TestExpression("CreationTime", depth, ref reader)) output.CreationTime = NullableDateTimeUnmarshaller.Instance.Unmarshall(context, ref reader);
            else if (context.TestExpression("CompletionTime", depth, ref reader)) output.CompletionTime = NullableDateTimeUnmarshaller.Instance.Unmarshall(context, ref reader);
            else if (context.TestExpression("LastModifiedTime", depth, ref reader)) output.LastModifiedTime = NullableDateTimeUnmarshaller.Instance.Unmarshall(context, ref reader);
            else if (context.TestExpression("FailureReason", depth, ref reader)) output.FailureReason = StringUnmarshaller.Instance.Unmarshall(context, ref reader);
            else if (context.TestExpression("InputConfig", depth, ref reader)) output.InputConfig = RecommendationJobInputConfigUnmarshaller.Instance.Unmarshall(context, ref reader);
            else if (context.TestExpression("StoppingConditions", depth, ref reader)) output.StoppingConditions = RecommendationJobStoppingConditionsUnmarshaller.Instance.Unmarshall(context, ref reader);
            else if (context.TestExpression("InferenceRecommendations", depth, ref reader)) output.InferenceRecommendations = Recommendations.Unmarshall(context, ref reader);
            else if (context.TestExpression("EndpointPerformances", depth, ref reader)) output.EndpointPerformances = Performances.Unmarshall(context, ref reader);
        }
    }
}
