using System;
using System.Collections;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using System.Threading;

namespace IRSteps.Contract
{
    /// <summary>
    /// Everything a cmdlet knows about how to reach AWS, as plain values: its parameters and the
    /// session's AWS.Tools defaults. The client resolves it with the AWS PowerShell precedence.
    /// </summary>
    public sealed class ConnectionRequest
    {
        private static readonly ConditionalWeakTable<object, object> Identities = new ConditionalWeakTable<object, object>();
        private static long lastIdentity;

        public string? Region { get; set; }
        public string? AccessKey { get; set; }
        public string? SecretKey { get; set; }
        public string? SessionToken { get; set; }
        public string? ProfileName { get; set; }
        public string? ProfileLocation { get; set; }

        /// <summary>An AWSCredentials object, from this module's AWSSDK.Core or from another copy of it.</summary>
        public object? Credential { get; set; }

        public string? EndpointUrl { get; set; }

        /// <summary>The value of $StoredAWSCredentials in the caller's session (an AWSCredentials object or a profile name).</summary>
        public object? StoredCredentials { get; set; }

        /// <summary>The value of $StoredAWSRegion in the caller's session.</summary>
        public string? StoredRegion { get; set; }

        /// <summary>Where -Verbose and -Debug text goes (callable from any thread); never given a secret.</summary>
        public Action<string>? Verbose { get; set; }
        public Action<string>? Debug { get; set; }

        /// <summary>
        /// Asks the user for an MFA code (argument: the prompt) when an assume-role profile has mfa_serial;
        /// callable from any thread; null when the command cannot prompt.
        /// </summary>
        public Func<string, string?>? ReadMfaCode { get; set; }

        /// <summary>The time after which one HTTP attempt is abandoned; null for the default.</summary>
        public TimeSpan? RequestTimeout { get; set; }

        /// <summary>
        /// A key equal for requests that settle to the same connection now, so that they may share one client: the values as
        /// given, the identity of the credential objects, the timeout and the AWS_* environment (which the rules read), all
        /// hashed together: no secret is ever in it. The callbacks are not part of it.
        /// </summary>
        public string CacheKey()
        {
            var parts = new StringBuilder();
            foreach (string? value in new[] { Region, AccessKey, SecretKey, SessionToken, ProfileName, ProfileLocation, EndpointUrl, StoredRegion })
            {
                parts.Append(value).Append('\n');
            }

            parts.Append(Identity(Credential)).Append('\n').Append(Identity(StoredCredentials)).Append('\n')
                 .Append(RequestTimeout?.Ticks).Append('\n');

            var environment = new List<string>();
            foreach (DictionaryEntry variable in Environment.GetEnvironmentVariables())
            {
                if (variable.Key is string name && name.StartsWith("AWS_", StringComparison.OrdinalIgnoreCase)) environment.Add(name + "=" + variable.Value);
            }

            environment.Sort(StringComparer.Ordinal);
            parts.Append(string.Join("\n", environment));

            using (var sha = SHA256.Create())
            {
                return Convert.ToBase64String(sha.ComputeHash(Encoding.UTF8.GetBytes(parts.ToString())));
            }
        }

        /// <summary>
        /// A text as itself; any other object as a process-unique number, stable for its lifetime (hash codes are
        /// neither), so that the same credentials object keeps its client and another one never shares it.
        /// </summary>
        private static string? Identity(object? value)
        {
            if (value == null || value is string) return (string?)value;
            return "#" + Identities.GetValue(value, _ => Interlocked.Increment(ref lastIdentity));
        }
    }
}
