using System.Text.Json;
using IRSteps.Model;

namespace IRSteps.Client.SageMaker.Operations
{
    internal sealed class DescribeInferenceRecommendationsJobRequestMarshaller : JsonRequestMarshaller<DescribeInferenceRecommendationsJobRequest>
    {
        public static DescribeInferenceRecommendationsJobRequestMarshaller Instance { get; } = new DescribeInferenceRecommendationsJobRequestMarshaller();

        protected override string OperationName => "DescribeInferenceRecommendationsJob";

        protected override void WriteMembers(Utf8JsonWriter writer, DescribeInferenceRecommendationsJobRequest input)
        {
            WriteString(writer, "JobName", input.JobName);
        }
    }
}
