using Amazon.Runtime;

namespace IRSteps.Client.Credentials
{
    /// <summary>What the AWS PowerShell rules settled on, and where each part came from.</summary>
    internal sealed class ResolvedConnection
    {
        public AWSCredentials Credentials { get; set; }
        public string CredentialSource { get; set; }

        /// <summary>A string equal for equal credentials, never holding a secret in clear.</summary>
        public string CredentialKey { get; set; }

        public string Region { get; set; }
        public string RegionSource { get; set; }

        /// <summary>The profile whose settings (retry_mode, endpoint_url, use_fips_endpoint, ...) apply, if any.</summary>
        public string ProfileName { get; set; }
        public string ProfileLocation { get; set; }

        public string EndpointUrl { get; set; }
        public string EndpointSource { get; set; }
    }
}
