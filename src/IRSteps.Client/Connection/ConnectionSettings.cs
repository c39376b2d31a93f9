using System;
using System.Collections.Generic;
using Amazon.Runtime.CredentialManagement;

namespace IRSteps.Client.Connection
{
    /// <summary>
    /// What the credential, region and endpoint ladders share: values that may be unset or spelled as text
    /// (environment variables, profile keys), the profile lookups, and the reason a failure gives.
    /// </summary>
    internal static class ConnectionSettings
    {
        internal const string DefaultProfile = "default";

        public static CredentialProfile? LookUp(string name, ProfileFiles files) =>
            files.TryGetProfile(name, out CredentialProfile? profile) ? profile : null;

        public static bool? ParseBool(string? value)
        {
            string? text = value?.Trim();
            if (string.IsNullOrEmpty(text)) return null;
            if (string.Equals(text, "true", StringComparison.OrdinalIgnoreCase)) return true;
            if (string.Equals(text, "false", StringComparison.OrdinalIgnoreCase)) return false;
            return null;
        }

        public static bool IsTrue(string? value) => ParseBool(value) == true;

        /// <summary>
        /// The messages along an exception's chain ("Error calling AssumeRole for role X: PowerShell is in
        /// NonInteractive mode ..."), skipping wrappers that say nothing.
        /// </summary>
        public static string Reason(Exception exception)
        {
            var parts = new List<string>();
            for (Exception current = exception; current != null && parts.Count < 3; current = current.InnerException)
            {
                if (current is AggregateException || current is System.Reflection.TargetInvocationException) continue;
                string? message = current.Message?.Trim().TrimEnd('.');
                if (message == null || message.Length == 0 || message.StartsWith("Exception of type", StringComparison.Ordinal) || parts.Contains(message)) continue;
                parts.Add(message);
            }

            return parts.Count == 0 ? exception.GetType().Name : string.Join(": ", parts);
        }

        public static string? FirstSet(params string?[] values)
        {
            foreach (string? value in values)
            {
                if (value != null && value.Length > 0) return value;
            }

            return null;
        }
    }
}
