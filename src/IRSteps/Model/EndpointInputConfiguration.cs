namespace IRSteps.Model
{
    /// <summary>An endpoint configuration a job was asked to benchmark.</summary>
    public sealed class EndpointInputConfiguration
    {
        public string? InstanceType { get; set; }
        public ProductionVariantServerlessConfig? ServerlessConfig { get; set; }
        public string? InferenceSpecificationName { get; set; }
        public EnvironmentParameterRanges? EnvironmentParameterRanges { get; set; }
    }
}
