using IRSteps.Emulator.Jobs;
using IRSteps.Emulator.Protocol;

namespace IRSteps.Emulator.Operations
{
    /// <summary>DescribeInferenceRecommendationsJob: the whole job; ResourceNotFound for a name the emulator does not know.</summary>
    internal static class DescribeInferenceRecommendationsJob
    {
        public static ApiResponse Handle(OperationContext c)
        {
            var input = new InputReader(c.Input);
            string jobName = input.String("JobName", required: true, minLength: 1, maxLength: 64, pattern: ServiceEnums.JobNamePattern);
            input.ThrowIfInvalid();
            JobBase job = c.Jobs.Find(jobName) ?? throw ApiException.JobNotFound(jobName);
            JobState state = job.Describe(c.Now);

            return ApiResponse.Json(AwsJson.Write(w =>
            {
                w.WriteStartObject();
                w.WriteString("JobName", job.JobName);
                if (job.JobDescription != null) w.WriteString("JobDescription", job.JobDescription);
                w.WriteString("JobType", job.JobType);
                w.WriteString("JobArn", job.JobArn(c.Region));
                w.WriteString("RoleArn", job.RoleArn);
                w.WriteString("Status", state.Status);
                AwsJson.WriteTimestamp(w, "CreationTime", job.CreationTime);
                if (state.CompletionTime is double done) AwsJson.WriteTimestamp(w, "CompletionTime", done);
                AwsJson.WriteTimestamp(w, "LastModifiedTime", state.LastModifiedTime);
                if (state.FailureReason != null) w.WriteString("FailureReason", state.FailureReason);
                job.WriteDescribeExtras(w, c.Region);
                w.WriteEndObject();
            }, 4096));
        }
    }
}
