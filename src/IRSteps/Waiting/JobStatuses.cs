using System;
using System.Collections.Generic;
using IRSteps.Errors;

namespace IRSteps.Waiting
{
    /// <summary>What the open status strings of jobs and steps mean to a command that waits.</summary>
    internal static class JobStatuses
    {
        public const string Failed = "FAILED";

        // DELETING and STOPPING are on their way, not there yet.
        private static readonly HashSet<string> Terminal = new HashSet<string>(StringComparer.Ordinal)
        {
            "COMPLETED", "FAILED", "STOPPED", "DELETED",
        };

        /// <summary>A job or step in this status will not change any more.</summary>
        public static bool IsTerminal(string? status) => status != null && Terminal.Contains(status);

        /// <summary>
        /// Failures worth another try at the next poll rather than ending a long wait: the SDK has already
        /// retried them, and an outage of a minute should not cost a two-hour wait.
        /// </summary>
        public static bool IsTransient(ServiceErrorKind kind)
        {
            switch (kind)
            {
                case ServiceErrorKind.Throttling:
                case ServiceErrorKind.ServiceUnavailable:
                case ServiceErrorKind.ServiceFault:
                case ServiceErrorKind.Network:
                case ServiceErrorKind.Timeout:
                    return true;
                default:
                    return false;
            }
        }
    }
}
