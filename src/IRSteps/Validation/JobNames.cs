using System.Diagnostics.CodeAnalysis;
using System.Management.Automation;
using System.Text.RegularExpressions;
using IRSteps.Errors;

namespace IRSteps.Validation
{
    /// <summary>The service's rule for a job name, checked before any request is sent.</summary>
    internal static class JobNames
    {
        private static readonly Regex Pattern = new Regex("^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,63}$", RegexOptions.CultureInvariant);

        public static bool IsValid([NotNullWhen(true)] string? name) => name != null && name.Length > 0 && name.Length <= 64 && Pattern.IsMatch(name);

        public static string Problem(string? name) =>
            "'" + name + "' is not a valid Inference Recommender job name: use 1 to 64 letters, digits and hyphens, " +
            "starting and ending with a letter or digit (pattern [a-zA-Z0-9](-*[a-zA-Z0-9]){0,63}).";

        /// <summary>Null when the name keeps the rule; else the InvalidJobName error for it (non-terminating, the name as target).</summary>
        public static ErrorRecord? Refusal(string? name) =>
            IsValid(name) ? null : ErrorRecordFactory.InvalidArgument(ErrorIds.InvalidJobName, Problem(name), name);
    }
}
