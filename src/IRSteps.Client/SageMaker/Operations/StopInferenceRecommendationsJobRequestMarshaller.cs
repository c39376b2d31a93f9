using System.Text.Json;
using IRSteps.Model;

namespace IRSteps.Client.SageMaker.Operations
{
    internal sealed class StopInferenceRecommendationsJobRequestMarshaller : JsonRequestMarshaller<StopInferenceRecommendationsJobRequest>
    {
        public static StopInferenceRecommendationsJobRequestMarshaller Instance { get; } = new StopInferenceRecommendationsJobRequestMarshaller();

        protected override string OperationName => "StopInferenceRecommendationsJob";

        protected override void WriteMembers(Utf8JsonWriter writer, StopInferenceRecommendationsJobRequest input)
        {
            WriteString(writer, "JobName", input.JobName);
        }
    }
}
