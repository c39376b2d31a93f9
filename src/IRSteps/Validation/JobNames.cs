using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Management.Automation;
using System.Text;
using System.Text.RegularExpressions;
using IRSteps.Errors;

namespace IRSteps.Validation
{
    /// <summary>The service's rule for a job name, checked before any request is sent.</summary>
    internal static class JobNames
    {
        // \z, not $: in .NET, $ also matches before a final "\n", and "nightly\n" would pass.
        private static readonly Regex Pattern = new Regex(@"^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,63}\z", RegexOptions.CultureInvariant);

        public static bool IsValid([NotNullWhen(true)] string? name) =>
            name != null && name.Length > 0 && name.Length <= 64 && Pattern.IsMatch(name) && !JobNameArguments.TryGetStandIn(name, out _);

        /// <summary>Why the name is refused: the rule, or what was given instead of a name (see <see cref="JobNameArguments"/>).</summary>
        public static string Problem(string? name)
        {
            if (JobNameArguments.TryGetStandIn(name, out JobNameArguments.StandIn? standIn)) return standIn.Problem;
            return "'" + Visible(name) + "' is not a valid Inference Recommender job name: use 1 to 64 letters, digits and hyphens, " +
                   "starting and ending with a letter or digit (pattern [a-zA-Z0-9](-*[a-zA-Z0-9]){0,63}).";
        }

        /// <summary>The error's target: the name, or the object given in its place.</summary>
        public static object? Target(string? name) => JobNameArguments.TryGetStandIn(name, out JobNameArguments.StandIn? standIn) ? standIn.Given : name;

        /// <summary>Null when the name keeps the rule; else the InvalidJobName error for it (non-terminating, the name as target).</summary>
        public static ErrorRecord? Refusal(string? name) =>
            IsValid(name) ? null : ErrorRecordFactory.InvalidArgument(ErrorIds.InvalidJobName, Problem(name), Target(name));

        /// <summary>The name with its control characters written as PowerShell escapes ("nightly`n"), so that the message shows them.</summary>
        internal static string Visible(string? name)
        {
            if (name == null) return string.Empty;
            var text = new StringBuilder(name.Length);
            foreach (char c in name)
            {
                switch (c)
                {
                    case '\n': text.Append("`n"); break;
                    case '\r': text.Append("`r"); break;
                    case '\t': text.Append("`t"); break;
                    case '\0': text.Append("`0"); break;
                    default:
                        if (char.IsControl(c)) text.Append("`u{").Append(((int)c).ToString("X", CultureInfo.InvariantCulture)).Append('}');
                        else text.Append(c);
                        break;
                }
            }

            return text.ToString();
        }
    }
}
