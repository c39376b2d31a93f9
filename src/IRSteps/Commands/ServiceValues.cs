using System;
using System.Linq;
using System.Text.RegularExpressions;

namespace IRSteps.Commands
{
    /// <summary>
    /// The values SageMaker accepts for enum-like parameters, checked before any request is sent. A known
    /// value is accepted in any case and sent as SageMaker spells it; an unknown value in SageMaker's own
    /// style (capitals, digits, underscores) is passed on, since the service may add values; anything else
    /// is refused with the list of known values.
    /// </summary>
    internal sealed class ServiceValues
    {
        private static readonly Regex ServiceStyle = new Regex("^[A-Z][A-Z0-9_]*$", RegexOptions.CultureInvariant);

        public static readonly ServiceValues StepStatus = new ServiceValues("a step status",
            "PENDING", "IN_PROGRESS", "COMPLETED", "FAILED", "STOPPING", "STOPPED", "DELETING", "DELETED");

        public static readonly ServiceValues StepType = new ServiceValues("a step type", "BENCHMARK");

        private readonly string what;

        public ServiceValues(string what, params string[] known)
        {
            this.what = what;
            Known = known;
        }

        public string[] Known { get; }

        /// <summary>
        /// Null stays null; otherwise the value to send, or false with a message naming the parameter and the known values.
        /// </summary>
        public bool TryNormalize(string parameterName, string value, out string normalized, out string problem)
        {
            normalized = null;
            problem = null;
            if (value == null) return true;

            string trimmed = value.Trim();
            normalized = Known.FirstOrDefault(k => string.Equals(k, trimmed, StringComparison.OrdinalIgnoreCase));
            if (normalized != null) return true;
            if (ServiceStyle.IsMatch(trimmed))
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
