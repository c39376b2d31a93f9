using IRSteps.Validation;

namespace IRSteps.Completion
{
    /// <summary>-SortBy of Get-IRJob.</summary>
    public sealed class JobSortByCompleter : KnownValuesCompleter
    {
        public JobSortByCompleter() : base(ServiceValues.JobSortBy.Known) { }
    }
}
