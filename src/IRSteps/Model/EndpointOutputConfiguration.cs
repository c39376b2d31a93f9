namespace IRSteps.Model
{
    /// <summary>The endpoint configuration a benchmark ran on.</summary>
    public sealed class EndpointOutputConfiguration
    {
        public string? EndpointName { get; set; }
        public string? VariantName { get; set; }
        public string? InstanceType { get; set; }
        public int? InitialInstanceCount { get; set; }
        public ProductionVariantServerlessConfig? ServerlessConfig { get; set; }

        /// <summary>What ran the benchmark, e.g. "ml.c5.xlarge x2" or "serverless 4096 MB x5" (a CSV cell, Format-List *).</summary>
        public override string ToString()
        {
            if (ServerlessConfig != null)
            {
                return "serverless " + ServerlessConfig.MemorySizeInMB + " MB x" + ServerlessConfig.MaxConcurrency;
            }

            return InitialInstanceCount.HasValue ? InstanceType + " x" + InitialInstanceCount.Value : InstanceType ?? string.Empty;
        }
    }
}
