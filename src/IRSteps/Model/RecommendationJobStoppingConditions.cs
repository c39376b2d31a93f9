using System.Collections.Generic;

namespace IRSteps.Model
{
    /// <summary>When a job's load test stops. FlatInvocations is an open string value (Continue or Stop today).</summary>
    public sealed class RecommendationJobStoppingConditions
    {
        public int? MaxInvocations { get; set; }
        public List<ModelLatencyThreshold>? ModelLatencyThresholds { get; set; }
        public string? FlatInvocations { get; set; }
    }
}
