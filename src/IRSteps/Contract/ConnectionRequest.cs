using System;
using System.Collections.Generic;

namespace IRSteps.Contract
{
    /// <summary>
    /// Everything a cmdlet knows about how to reach AWS, as plain values: its parameters and the
    /// session's AWS.Tools defaults. The client resolves it with the AWS PowerShell precedence.
    /// </summary>
    public sealed class ConnectionRequest
    {
        public string Region { get; set; }
        public string AccessKey { get; set; }
        public string SecretKey { get; set; }
        public string SessionToken { get; set; }
        public string ProfileName { get; set; }
        public string ProfileLocation { get; set; }

        /// <summary>An AWSCredentials object, from this module's AWSSDK.Core or from another copy of it.</summary>
        public object Credential { get; set; }

        public string EndpointUrl { get; set; }

        /// <summary>The value of $StoredAWSCredentials in the caller's session (an AWSCredentials object or a profile name).</summary>
        public object StoredCredentials { get; set; }

        /// <summary>The value of $StoredAWSRegion in the caller's session.</summary>
        public string StoredRegion { get; set; }

        /// <summary>Where -Verbose and -Debug text goes (callable from any thread); never given a secret.</summary>
        public Action<string> Verbose { get; set; }
        public Action<string> Debug { get; set; }

        /// <summary>
        /// Asks the user for an MFA code (argument: the prompt) when an assume-role profile has mfa_serial;
        /// callable from any thread; null when the command cannot prompt.
        /// </summary>
        public Func<string, string> ReadMfaCode { get; set; }

        /// <summary>The time after which one HTTP attempt is abandoned; null for the default.</summary>
        public TimeSpan? RequestTimeout { get; set; }

        /// <summary>A key that is equal for requests that may share one client (no secrets in clear).</summary>
        internal string Describe()
        {
            return string.Join("|", new List<string> { Region, AccessKey, ProfileName, ProfileLocation, EndpointUrl, StoredRegion });
        }
    }
}
