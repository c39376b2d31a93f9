using IRSteps.Emulator.Jobs;
using IRSteps.Emulator.Protocol;

namespace IRSteps.Emulator.Operations
{
    /// <summary>
    /// StopInferenceRecommendationsJob: a PENDING or IN_PROGRESS job becomes STOPPING, then STOPPED (how soon depends
    /// on the kind of job); stopping a job that is stopping or finished is a ValidationException.
    /// </summary>
    internal static class StopInferenceRecommendationsJob
    {
        public static ApiResponse Handle(OperationContext c)
        {
            var input = new InputReader(c.Input);
            string jobName = input.String("JobName", required: true, minLength: 1, maxLength: 64, pattern: ServiceEnums.JobNamePattern);
            input.ThrowIfInvalid();
            JobBase job = c.Jobs.Find(jobName) ?? throw ApiException.JobNotFound(jobName);
            job.Stop(c.Now);
            return ApiResponse.EmptyObject();
        }
    }
}
