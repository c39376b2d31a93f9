using System;
using IRSteps.Contract;

namespace IRSteps.Session
{
    /// <summary>
    /// The AWS.Tools defaults a PowerShell session may hold ($StoredAWSCredentials from Set-AWSCredential,
    /// $StoredAWSRegion from Set-DefaultAWSRegion), read the same way by the cmdlets and the completers.
    /// </summary>
    internal static class SessionDefaults
    {
        public const string CredentialsVariable = "StoredAWSCredentials";
        public const string RegionVariable = "StoredAWSRegion";

        /// <summary>Adds the session's defaults, read by <paramref name="readVariable"/> (null when unset), to a request.</summary>
        public static ConnectionRequest WithSessionDefaults(this ConnectionRequest request, Func<string, object?> readVariable)
        {
            request.StoredCredentials = PSValue.Unwrap(readVariable(CredentialsVariable));
            request.StoredRegion = PSValue.Unwrap(readVariable(RegionVariable))?.ToString();
            return request;
        }
    }
}
