namespace IRSteps.Emulator.Operations;

/// <summary>
/// ListInferenceRecommendationsJobSteps: JobName (required), Status, StepType, MaxResults (1..100, default 10), NextToken.
/// Output {"Steps":[...],"NextToken":"..."}; NextToken is absent on the last page.
/// </summary>
internal static class ListInferenceRecommendationsJobSteps
{
    public static ApiResponse Handle(OperationContext c)
    {
        var input = new InputReader(c.Input);
        var jobName = input.String("JobName", required: true, minLength: 1, maxLength: 64, pattern: Enums.JobNamePattern);
        var status = input.String("Status", enumValues: Enums.JobStatus);
        var stepType = input.String("StepType", enumValues: Enums.StepType);
        var maxResults = input.Int("MaxResults", min: 1, max: 100) ?? 10;
        var nextToken = input.String("NextToken", maxLength: 8192);
        input.ThrowIfInvalid();

        var job = c.Jobs.Find(jobName!) ?? throw ApiException.JobNotFound(jobName!);
        var scope = PageToken.StepsScope(job.JobName, status, stepType);
        var token = PageToken.Decode(nextToken, scope);

        return ApiResponse.Json(OperationContext.Write(w =>
        {
            w.WriteStartObject();
            w.WriteStartArray("Steps");
            var next = -1;
            if (c.PagingFault != FaultKind.EmptyPageWithToken)
                next = job.WritePage(w, status, stepType, token.Offset, maxResults, c.Now);
            w.WriteEndArray();

            var outToken = PageToken.Outgoing(token, nextToken, scope, next, c.PagingFault);
            if (outToken is not null) w.WriteString("NextToken", outToken);
            w.WriteEndObject();
        }));
    }
}
