using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace IRSteps.Completion
{
    /// <summary>
    /// Completes an enum-like parameter from the values the service knows today. The parameter itself stays an
    /// open string (no ValidateSet): a value the service adds later still reaches it.
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
        public StepStatusCompleter() : base(KnownValues.StepStatuses) { }
    }

    /// <summary>-StepType of Get-IRJobStep.</summary>
    public sealed class StepTypeCompleter : KnownValuesCompleter
    {
        public StepTypeCompleter() : base(KnownValues.StepTypes) { }
    }

    /// <summary>-StatusEqual of Get-IRJob: the statuses of a job.</summary>
    public sealed class JobStatusCompleter : KnownValuesCompleter
    {
        public JobStatusCompleter() : base(KnownValues.JobStatuses) { }
    }

    /// <summary>-SortBy of Get-IRJob.</summary>
    public sealed class JobSortByCompleter : KnownValuesCompleter
    {
        public JobSortByCompleter() : base(KnownValues.JobSortBy) { }
    }

    /// <summary>-SortOrder of Get-IRJob.</summary>
    public sealed class SortOrderCompleter : KnownValuesCompleter
    {
        public SortOrderCompleter() : base(KnownValues.SortOrders) { }
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

    /// <summary>The values SageMaker documents today for the enum-like members the cmdlets take.</summary>
    internal static class KnownValues
    {
        // RecommendationStepStatus and RecommendationJobStatus hold the same values.
        public static readonly string[] StepStatuses = { "PENDING", "IN_PROGRESS", "COMPLETED", "FAILED", "STOPPING", "STOPPED", "DELETING", "DELETED" };
        public static readonly string[] JobStatuses = StepStatuses;
        public static readonly string[] StepTypes = { "BENCHMARK" };
        public static readonly string[] JobSortBy = { "Name", "CreationTime", "Status" };
        public static readonly string[] SortOrders = { "Ascending", "Descending" };
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
