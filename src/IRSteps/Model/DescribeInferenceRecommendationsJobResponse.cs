using System;
using System.Collections.Generic;

namespace IRSteps.Model
{
    /// <summary>
    /// The whole of an Inference Recommender job, as DescribeInferenceRecommendationsJob returns it: what it was
    /// asked to do (InputConfig, StoppingConditions), what it recommends and how the existing endpoint performed.
    /// Get-IRJob -JobName and Wait-IRJob write it; it carries JobName, so it pipes on by property name.
    /// </summary>
    public sealed class DescribeInferenceRecommendationsJobResponse : IServiceResponse
    {
        public string? JobName { get; set; }
        public string? JobDescription { get; set; }
        public string? JobType { get; set; }
        public string? JobArn { get; set; }
        public string? RoleArn { get; set; }
        public string? Status { get; set; }

        /// <summary>UTC.</summary>
        public DateTime? CreationTime { get; set; }

        /// <summary>UTC.</summary>
        public DateTime? CompletionTime { get; set; }

        /// <summary>UTC.</summary>
        public DateTime? LastModifiedTime { get; set; }

        public string? FailureReason { get; set; }
        public RecommendationJobInputConfig? InputConfig { get; set; }
        public RecommendationJobStoppingConditions? StoppingConditions { get; set; }
        public List<InferenceRecommendation>? InferenceRecommendations { get; set; }

        /// <summary>How the user's existing endpoints performed, to compare the recommendations with.</summary>
        public List<EndpointPerformance>? EndpointPerformances { get; set; }

        public string? RequestId { get; set; }
    }
}
