namespace IRSteps.Model
{
    /// <summary>
    /// Metrics of one benchmark. The service model's floats are doubles here, so the value on the wire
    /// (0.2, not 0.200000003) is the value a script compares. Utilisations may be NaN: the service sends
    /// NaN where it has no measurement.
    /// </summary>
    public sealed class RecommendationMetrics
    {
        public double? CostPerHour { get; set; }
        public double? CostPerInference { get; set; }
        public int? MaxInvocations { get; set; }
        public int? ModelLatency { get; set; }
        public double? CpuUtilization { get; set; }
        public double? MemoryUtilization { get; set; }
        public int? ModelSetupTime { get; set; }
    }
}
