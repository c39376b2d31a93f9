using IRSteps.Validation;

namespace IRSteps.Completion
{
    /// <summary>-SortOrder of Get-IRJob.</summary>
    public sealed class SortOrderCompleter : KnownValuesCompleter
    {
        public SortOrderCompleter() : base(ServiceValues.SortOrder.Known) { }
    }
}
