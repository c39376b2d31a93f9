using Amazon.Runtime;

namespace IRSteps.Client.Connection
{
    /// <summary>
    /// What the AWS PowerShell rules settled on, and where each part came from (in words, never a secret). The resolver
    /// sets the credentials, the region and the files, or throws: they are never null once it returns.
    /// </summary>
    internal sealed class ResolvedConnection
    {
        public AWSCredentials Credentials { get; set; } = null!;
        public string CredentialSource { get; set; } = null!;

        /// <summary>A string equal for equal credentials, never holding a secret in clear.</summary>
        public string CredentialKey { get; set; } = null!;

        public string Region { get; set; } = null!;
        public string RegionSource { get; set; } = null!;

        /// <summary>
        /// The profile whose settings apply (endpoint_url, services, use_fips_endpoint, ...): -ProfileName, the
        /// profile behind $StoredAWSCredentials, AWS_PROFILE, else 'default'; and the files it is read from.
        /// </summary>
        public string ProfileName { get; set; } = null!;
        public ProfileFiles Files { get; set; } = null!;

        /// <summary>An endpoint set explicitly (-EndpointUrl or an AWS_ENDPOINT_URL* variable); null leaves it to the profile and the rules.</summary>
        public string? EndpointUrl { get; set; }
        public string? EndpointSource { get; set; }

        public bool IgnoreConfiguredEndpoints { get; set; }
        public bool UseFips { get; set; }
        public string? FipsSource { get; set; }
        public bool UseDualStack { get; set; }
        public string? DualStackSource { get; set; }
    }
}
