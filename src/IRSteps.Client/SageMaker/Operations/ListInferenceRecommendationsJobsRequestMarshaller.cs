using System.Text.Json;
using IRSteps.Model;

namespace IRSteps.Client.SageMaker.Operations
{
    internal sealed class ListInferenceRecommendationsJobsRequestMarshaller : JsonRequestMarshaller<ListInferenceRecommendationsJobsRequest>
    {
        public static ListInferenceRecommendationsJobsRequestMarshaller Instance { get; } = new ListInferenceRecommendationsJobsRequestMarshaller();

        protected override string OperationName => "ListInferenceRecommendationsJobs";

        protected override void WriteMembers(Utf8JsonWriter writer, ListInferenceRecommendationsJobsRequest input)
        {
            WriteTimestamp(writer, "CreationTimeAfter", input.CreationTimeAfter);
            WriteTimestamp(writer, "CreationTimeBefore", input.CreationTimeBefore);
            WriteTimestamp(writer, "LastModifiedTimeAfter", input.LastModifiedTimeAfter);
            WriteTimestamp(writer, "LastModifiedTimeBefore", input.LastModifiedTimeBefore);
            WriteString(writer, "NameContains", input.NameContains);
            WriteString(writer, "StatusEquals", input.StatusEquals);
            WriteString(writer, "SortBy", input.SortBy);
            WriteString(writer, "SortOrder", input.SortOrder);
            WriteString(writer, "NextToken", input.NextToken);
            WriteInt(writer, "MaxResults", input.MaxResults);
            WriteString(writer, "ModelNameEquals", input.ModelNameEquals);
            WriteString(writer, "ModelPackageVersionArnEquals", input.ModelPackageVersionArnEquals);
        }
    }
}
