using IRSteps.Validation;

namespace IRSteps.Completion
{
    /// <summary>-Status of Get-IRJobStep: the statuses of a benchmark step.</summary>
    public sealed class StepStatusCompleter : KnownValuesCompleter
    {
        public StepStatusCompleter() : base(ServiceValues.StepStatus.Known) { }
    }
}
