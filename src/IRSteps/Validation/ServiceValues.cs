using System;
using System.Diagnostics.CodeAnalysis;
using System.Linq;
using System.Text.RegularExpressions;

namespace IRSteps.Validation
{
    /// <summary>
    /// The values SageMaker accepts for enum-like parameters, checked before any request is sent. A known
    /// value is accepted in any case and sent as SageMaker spells it; an unknown value in the enum's own
    /// style (IN_PROGRESS, CreationTime) is passed on, since the service may add values; anything else is
    /// refused with the list of known values.
    /// </summary>
    internal sealed class ServiceValues
    {
        private static readonly Regex Capitals = new Regex("^[A-Z][A-Z0-9_]*$", RegexOptions.CultureInvariant);
        private static readonly Regex PascalCase = new Regex("^[A-Z][a-zA-Z0-9]*$", RegexOptions.CultureInvariant);

        private static readonly string[] Statuses = { "PENDING", "IN_PROGRESS", "COMPLETED", "FAILED", "STOPPING", "STOPPED", "DELETING", "DELETED" };

        public static readonly ServiceValues StepStatus = new ServiceValues("a step status", Capitals, Statuses);
        public static readonly ServiceValues StepType = new ServiceValues("a step type", Capitals, "BENCHMARK");
        public static readonly ServiceValues JobStatus = new ServiceValues("a job status", Capitals, Statuses);
        public static readonly ServiceValues JobSortBy = new ServiceValues("a sort key of the job listing", PascalCase, "Name", "CreationTime", "Status");
        public static readonly ServiceValues SortOrder = new ServiceValues("a sort order", PascalCase, "Ascending", "Descending");

        private readonly string what;
        private readonly Regex serviceStyle;

        /// <param name="what">What a value is, for the message ("a step status").</param>
        /// <param name="serviceStyle">How SageMaker spells this enum's values: an unknown value in that style is passed on.</param>
        public ServiceValues(string what, Regex serviceStyle, params string[] known)
        {
            this.what = what;
            this.serviceStyle = serviceStyle;
            Known = known;
        }

        public string[] Known { get; }

        /// <summary>
        /// Null stays null; otherwise the value to send, or false with a message naming the parameter and the known values.
        /// </summary>
        public bool TryNormalize(string parameterName, string? value, out string? normalized, [NotNullWhen(false)] out string? problem)
        {
            normalized = null;
            problem = null;
            if (value == null) return true;

            string trimmed = value.Trim();
            normalized = Known.FirstOrDefault(k => string.Equals(k, trimmed, StringComparison.OrdinalIgnoreCase));
            if (normalized != null) return true;
            if (serviceStyle.IsMatch(trimmed))
            {
                normalized = trimmed;
                return true;
            }

            problem = "-" + parameterName + " '" + value + "' is not " + what + " SageMaker knows. Use one of: " + string.Join(", ", Known) +
                      " (any case; Tab completes them).";
            return false;
        }
    }
}
