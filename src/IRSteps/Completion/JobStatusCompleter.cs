using IRSteps.Validation;

namespace IRSteps.Completion
{
    /// <summary>-StatusEqual of Get-IRJob: the statuses of a job.</summary>
    public sealed class JobStatusCompleter : KnownValuesCompleter
    {
        public JobStatusCompleter() : base(ServiceValues.JobStatus.Known) { }
    }
}
