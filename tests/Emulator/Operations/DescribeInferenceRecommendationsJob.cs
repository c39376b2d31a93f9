namespace IRSteps.Emulator.Operations;

/// <summary>DescribeInferenceRecommendationsJob: the whole job; ResourceNotFound for unknown names.</summary>
internal static class DescribeInferenceRecommendationsJob
{
    public static ApiResponse Handle(OperationContext c)
    {
        var input = new InputReader(c.Input);
        var jobName = input.String("JobName", required: true, minLength: 1, maxLength: 64, pattern: Enums.JobNamePattern);
        input.ThrowIfInvalid();
        var job = c.Jobs.Find(jobName!) ?? throw ApiException.JobNotFound(jobName!);
        var state = job.State(c.Now);

        return ApiResponse.Json(OperationContext.Write(w =>
        {
            w.WriteStartObject();
            w.WriteString("JobName", job.JobName);
            if (job.JobDescription is not null) w.WriteString("JobDescription", job.JobDescription);
            w.WriteString("JobType", job.JobType);
            w.WriteString("JobArn", job.JobArn(c.Region));
            w.WriteString("RoleArn", job.RoleArn);
            w.WriteString("Status", state.Status);
            AwsJson.WriteTimestamp(w, "CreationTime", job.CreationTime);
            if (state.CompletionTime is double done) AwsJson.WriteTimestamp(w, "CompletionTime", done);
            AwsJson.WriteTimestamp(w, "LastModifiedTime", state.LastModifiedTime);
            if (state.FailureReason is not null) w.WriteString("FailureReason", state.FailureReason);
            job.WriteDescribeExtras(w, c.Region);
            w.WriteEndObject();
        }));
    }
}
