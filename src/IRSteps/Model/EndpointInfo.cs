namespace IRSteps.Model
{
    /// <summary>An existing endpoint a job compared its benchmarks with.</summary>
    public sealed class EndpointInfo
    {
        public string? EndpointName { get; set; }
    }
}
