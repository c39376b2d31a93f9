using System;

namespace IRSteps.Model
{
    /// <summary>
    /// One Inference Recommender job as ListInferenceRecommendationsJobs returns it. It carries JobName, so a
    /// listing pipes straight into Get-IRJob (details), Get-IRJobStep, Wait-IRJob and Stop-IRJob.
    /// Status and JobType are open string values.
    /// </summary>
    public sealed class InferenceRecommendationsJob
    {
        public string? JobName { get; set; }
        public string? JobDescription { get; set; }
        public string? JobType { get; set; }
        public string? JobArn { get; set; }
        public string? Status { get; set; }

        /// <summary>UTC.</summary>
        public DateTime? CreationTime { get; set; }

        /// <summary>UTC.</summary>
        public DateTime? CompletionTime { get; set; }

        public string? RoleArn { get; set; }

        /// <summary>UTC.</summary>
        public DateTime? LastModifiedTime { get; set; }

        public string? FailureReason { get; set; }
        public string? ModelName { get; set; }
        public string? SamplePayloadUrl { get; set; }
        public string? ModelPackageVersionArn { get; set; }
    }
}
