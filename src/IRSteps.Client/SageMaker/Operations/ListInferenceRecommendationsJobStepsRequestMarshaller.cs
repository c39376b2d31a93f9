using System.Text.Json;
using IRSteps.Model;

namespace IRSteps.Client.SageMaker.Operations
{
    internal sealed class ListInferenceRecommendationsJobStepsRequestMarshaller : JsonRequestMarshaller<ListInferenceRecommendationsJobStepsRequest>
    {
        public static ListInferenceRecommendationsJobStepsRequestMarshaller Instance { get; } = new ListInferenceRecommendationsJobStepsRequestMarshaller();

        protected override string OperationName => "ListInferenceRecommendationsJobSteps";

        protected override void WriteMembers(Utf8JsonWriter writer, ListInferenceRecommendationsJobStepsRequest input)
        {
            WriteString(writer, "JobName", input.JobName);
            WriteString(writer, "Status", input.Status);
            WriteString(writer, "StepType", input.StepType);
            WriteInt(writer, "MaxResults", input.MaxResults);
            WriteString(writer, "NextToken", input.NextToken);
        }
    }
}
