namespace IRSteps.Emulator.Operations;

/// <summary>
/// StopInferenceRecommendationsJob: a PENDING / IN_PROGRESS job becomes STOPPING, then STOPPED ~300 ms later.
/// Stopping a job that is already stopping or finished is a ValidationException.
/// </summary>
internal static class StopInferenceRecommendationsJob
{
    public static ApiResponse Handle(OperationContext c)
    {
        var input = new InputReader(c.Input);
        var jobName = input.String("JobName", required: true, minLength: 1, maxLength: 64, pattern: Enums.JobNamePattern);
        input.ThrowIfInvalid();
        var job = c.Jobs.Find(jobName!) ?? throw ApiException.JobNotFound(jobName!);

        lock (job)
        {
            var status = job.State(c.Now).Status;
            if (status is not ("PENDING" or "IN_PROGRESS"))
                throw ApiException.Validation($"Inference recommendations job {job.JobName} cannot be stopped because it is in status {status}.");
            job.StopRequestedAt = c.Now;
        }
        return ApiResponse.EmptyObject;
    }
}
