namespace IRSteps.Model
{
    /// <summary>Metrics of an existing endpoint (the type of EndpointMetrics).</summary>
    public sealed class InferenceMetrics
    {
        public int? MaxInvocations { get; set; }
        public int? ModelLatency { get; set; }
    }
}
