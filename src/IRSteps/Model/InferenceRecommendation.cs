using System;

namespace IRSteps.Model
{
    /// <summary>One recommendation of a job: the endpoint and model configuration, and the metrics it reached.</summary>
    public sealed class InferenceRecommendation
    {
        public string? RecommendationId { get; set; }
        public RecommendationMetrics? Metrics { get; set; }
        public EndpointOutputConfiguration? EndpointConfiguration { get; set; }
        public ModelConfiguration? ModelConfiguration { get; set; }

        /// <summary>UTC.</summary>
        public DateTime? InvocationEndTime { get; set; }

        /// <summary>UTC.</summary>
        public DateTime? InvocationStartTime { get; set; }
    }
}
