namespace IRSteps.Contract
{
    /// <summary>Where a connection's credentials, region and endpoint came from, in words for -Verbose.</summary>
    public sealed class ConnectionInfo
    {
        public string Region { get; set; }
        public string RegionSource { get; set; }
        public string CredentialSource { get; set; }
        public string Endpoint { get; set; }
        public string EndpointSource { get; set; }
    }
}
