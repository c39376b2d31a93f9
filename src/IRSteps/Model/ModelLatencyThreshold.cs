namespace IRSteps.Model
{
    /// <summary>A latency limit at a percentile (P95 ...) that stops a load test.</summary>
    public sealed class ModelLatencyThreshold
    {
        public string? Percentile { get; set; }
        public int? ValueInMilliseconds { get; set; }
    }
}
