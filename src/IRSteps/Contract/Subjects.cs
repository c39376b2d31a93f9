namespace IRSteps.Contract
{
    /// <summary>
    /// What a request is about, in words: the same in the client's error messages, the -Verbose lines, progress and
    /// the paging errors.
    /// </summary>
    public static class Subjects
    {
        /// <summary>"job 'nightly-resnet50'".</summary>
        public static string Job(string? jobName) => "job '" + jobName + "'";

        /// <summary>"the steps of job 'nightly-resnet50'".</summary>
        public static string StepsOf(string? jobName) => "the steps of " + Job(jobName);
    }
}
