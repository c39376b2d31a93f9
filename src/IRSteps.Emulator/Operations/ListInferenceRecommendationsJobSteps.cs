using IRSteps.Emulator.Faults;
using IRSteps.Emulator.Jobs;
using IRSteps.Emulator.Protocol;

namespace IRSteps.Emulator.Operations
{
    /// <summary>
    /// ListInferenceRecommendationsJobSteps: JobName (required), Status, StepType, MaxResults (1..100, default 10),
    /// NextToken. Output {"Steps":[...],"NextToken":"..."}; no NextToken on the last page.
    /// </summary>
    internal static class ListInferenceRecommendationsJobSteps
    {
        public static ApiResponse Handle(OperationContext c)
        {
            var input = new InputReader(c.Input);
            string jobName = input.String("JobName", required: true, minLength: 1, maxLength: 64, pattern: ServiceEnums.JobNamePattern);
            string status = input.String("Status", enumValues: ServiceEnums.JobStatus);
            string stepType = input.String("StepType", enumValues: ServiceEnums.StepType);
            int maxResults = input.Int("MaxResults", min: 1, max: 100) ?? 10;
            string nextToken = input.String("NextToken", maxLength: 8192);
            input.ThrowIfInvalid();

            JobBase job = c.Jobs.Find(jobName) ?? throw ApiException.JobNotFound(jobName);
            string scope = PageToken.StepsScope(job.JobName, status, stepType);
            PageToken token = PageToken.Decode(nextToken, scope);

            return ApiResponse.Json(AwsJson.Write(w =>
            {
                w.WriteStartObject();
                w.WriteStartArray("Steps");
                int next = -1;
                if (c.Fault != FaultKinds.EmptyPageWithToken) next = job.WritePage(w, status, stepType, token.Offset, maxResults, c.Now);
                w.WriteEndArray();

                string outgoing = PageToken.Outgoing(token, nextToken, scope, next, c.Fault);
                if (outgoing != null) w.WriteString("NextToken", outgoing);
                w.WriteEndObject();
            }, 32 * 1024));
        }
    }
}
