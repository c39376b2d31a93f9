using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using IRSteps.Commands;
using IRSteps.Loading;
using IRSteps.Validation;

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
                IReadOnlyList<KeyValuePair<string, string>> regions = ClientLoader.Factory.Regions();
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

    /// <summary>
    /// -ProfileName of every cmdlet: the profiles of the files the command would read (-ProfileLocation as typed,
    /// else the SDK store where there is one and the shared credentials and config files the environment names),
    /// names that start with what is typed before those that only contain it; the tooltip says what the profile
    /// holds (static keys, a role, SSO, ...) and its region, never a key. Nothing is sent anywhere.
    /// </summary>
    public sealed class ProfileNameCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
                                                              CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            try
            {
                string typed = Words.Unquote(wordToComplete);
                string location = JobNameCompleter.Bound<string>(fakeBoundParameters, nameof(IRStepsCmdletBase.ProfileLocation));
                IReadOnlyList<KeyValuePair<string, string>> profiles = ClientLoader.Factory.Profiles(location);
                return profiles
                    .Where(profile => profile.Key.IndexOf(typed, StringComparison.OrdinalIgnoreCase) >= 0)
                    .OrderBy(profile => profile.Key.StartsWith(typed, StringComparison.OrdinalIgnoreCase) ? 0 : 1)
                    .Select(profile => new CompletionResult(Words.Quote(profile.Key), profile.Key, CompletionResultType.ParameterValue, profile.Key + ": " + profile.Value))
                    .ToList();
            }
            catch (Exception)
            {
                // Unreadable files, or the module's AWS client could not load: no completion, and the command itself will say why.
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

        /// <summary>A value as it must be typed: in single quotes when it holds anything a bare word cannot.</summary>
        public static string Quote(string value)
        {
            bool bare = value.Length > 0 && (char.IsLetterOrDigit(value[0]) || value[0] == '_');
            foreach (char c in value)
            {
                bare &= char.IsLetterOrDigit(c) || c == '-' || c == '_' || c == '.';
            }

            return bare ? value : "'" + value.Replace("'", "''") + "'";
        }
    }
}
