using System;

namespace IRSteps.Model
{
    /// <summary>The result of one benchmark: its metrics, the existing endpoint's metrics and what was benchmarked.</summary>
    public sealed class RecommendationJobInferenceBenchmark
    {
        public RecommendationMetrics? Metrics { get; set; }

        /// <summary>The metrics of the user's existing endpoint, to compare the benchmark with.</summary>
        public InferenceMetrics? EndpointMetrics { get; set; }

        public EndpointOutputConfiguration? EndpointConfiguration { get; set; }
        public ModelConfiguration? ModelConfiguration { get; set; }
        public string? FailureReason { get; set; }

        /// <summary>UTC.</summary>
        public DateTime? InvocationEndTime { get; set; }

        /// <summary>UTC.</summary>
        public DateTime? InvocationStartTime { get; set; }

        /// <summary>
        /// The endpoint configuration benchmarked ("ml.c5.xlarge x1"): what Export-Csv writes in the InferenceBenchmark
        /// column of a step, whose metrics have columns of their own, instead of the type's name.
        /// </summary>
        public override string ToString() => EndpointConfiguration?.ToString() ?? string.Empty;
    }
}
