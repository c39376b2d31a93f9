using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using IRSteps.Commands;

namespace IRSteps.Completion
{
    /// <summary>
    /// Completes an enum-like parameter from the values the service knows today, the same list the cmdlets check
    /// input against (<see cref="ServiceValues"/>). The parameter itself stays an open string (no ValidateSet): a
    /// value the service adds later still reaches it.
    /// </summary>
    public abstract class KnownValuesCompleter : IArgumentCompleter
    {
        private readonly string[] values;

        protected KnownValuesCompleter(params string[] values)
        {
            this.values = values;
        }

        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
                                                              CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            string typed = Words.Unquote(wordToComplete);
            return values
                .Where(value => value.StartsWith(typed, StringComparison.OrdinalIgnoreCase))
                .Select(value => new CompletionResult(value, value, CompletionResultType.ParameterValue, value))
                .ToList();
        }
    }

    /// <summary>-Status of Get-IRJobStep: the statuses of a benchmark step.</summary>
    public sealed class StepStatusCompleter : KnownValuesCompleter
    {
        public StepStatusCompleter() : base(ServiceValues.StepStatus.Known) { }
    }

    /// <summary>-StepType of Get-IRJobStep.</summary>
    public sealed class StepTypeCompleter : KnownValuesCompleter
    {
        public StepTypeCompleter() : base(ServiceValues.StepType.Known) { }
    }

    /// <summary>-StatusEqual of Get-IRJob: the statuses of a job.</summary>
    public sealed class JobStatusCompleter : KnownValuesCompleter
    {
        public JobStatusCompleter() : base(ServiceValues.JobStatus.Known) { }
    }

    /// <summary>-SortBy of Get-IRJob.</summary>
    public sealed class JobSortByCompleter : KnownValuesCompleter
    {
        public JobSortByCompleter() : base(ServiceValues.JobSortBy.Known) { }
    }

    /// <summary>-SortOrder of Get-IRJob.</summary>
    public sealed class SortOrderCompleter : KnownValuesCompleter
    {
        public SortOrderCompleter() : base(ServiceValues.SortOrder.Known) { }
    }

    /// <summary>
    /// -Region of every cmdlet: the regions the AWS SDK knows (the first Tab loads it, without any request), by
    /// system name, or by display name ("frank" finds eu-central-1); the display name is the tooltip.
    /// </summary>
    public sealed class RegionCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
                                                              CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            try
            {
                string typed = Words.Unquote(wordToComplete);
                IReadOnlyList<KeyValuePair<string, string>> regions = Services.EngineLoader.Factory.Regions();
                return regions
                    .Where(region => region.Key.StartsWith(typed, StringComparison.OrdinalIgnoreCase))
                    .Concat(regions.Where(region => !region.Key.StartsWith(typed, StringComparison.OrdinalIgnoreCase) &&
                                                    (region.Value ?? string.Empty).IndexOf(typed, StringComparison.OrdinalIgnoreCase) >= 0))
                    .Select(region => new CompletionResult(region.Key, region.Key, CompletionResultType.ParameterValue,
                        string.IsNullOrEmpty(region.Value) ? region.Key : region.Value))
                    .ToList();
            }
            catch (Exception)
            {
                // The module's AWS client could not load: no completion, and the command itself will say why.
                return Array.Empty<CompletionResult>();
            }
        }
    }

    internal static class Words
    {
        /// <summary>What the user typed, without the quote they may have opened.</summary>
        public static string Unquote(string word)
        {
            if (string.IsNullOrEmpty(word)) return string.Empty;
            return word.Trim('\'', '"');
        }
    }
}
