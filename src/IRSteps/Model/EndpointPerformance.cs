namespace IRSteps.Model
{
    /// <summary>How an existing endpoint performed under the job's load.</summary>
    public sealed class EndpointPerformance
    {
        public InferenceMetrics? Metrics { get; set; }
        public EndpointInfo? EndpointInfo { get; set; }
    }
}
