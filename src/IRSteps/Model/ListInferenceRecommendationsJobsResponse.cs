using System.Collections.Generic;

namespace IRSteps.Model
{
    /// <summary>One page of ListInferenceRecommendationsJobs.</summary>
    public sealed class ListInferenceRecommendationsJobsResponse : IServiceResponse
    {
        public List<InferenceRecommendationsJob> InferenceRecommendationsJobs { get; set; } = new List<InferenceRecommendationsJob>();
        public string? NextToken { get; set; }
        public string? RequestId { get; set; }
    }
}
