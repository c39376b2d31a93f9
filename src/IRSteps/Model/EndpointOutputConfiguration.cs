namespace IRSteps.Model
{
    /// <summary>The endpoint configuration a benchmark ran on.</summary>
    public sealed class EndpointOutputConfiguration
    {
        public string EndpointName { get; set; }
        public string VariantName { get; set; }
        public string InstanceType { get; set; }
        public int? InitialInstanceCount { get; set; }
        public ProductionVariantServerlessConfig ServerlessConfig { get; set; }
    }
}
