namespace IRSteps.Model
{
    /// <summary>The serverless configuration of an endpoint variant.</summary>
    public sealed class ProductionVariantServerlessConfig
    {
        public int? MemorySizeInMB { get; set; }
        public int? MaxConcurrency { get; set; }
        public int? ProvisionedConcurrency { get; set; }
    }
}
