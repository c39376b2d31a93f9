using IRSteps.Validation;

namespace IRSteps.Completion
{
    /// <summary>-StepType of Get-IRJobStep.</summary>
    public sealed class StepTypeCompleter : KnownValuesCompleter
    {
        public StepTypeCompleter() : base(ServiceValues.StepType.Known) { }
    }
}
