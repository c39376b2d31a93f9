using System.Collections.Generic;

namespace IRSteps.Model
{
    /// <summary>One page of ListInferenceRecommendationsJobSteps.</summary>
    public sealed class ListInferenceRecommendationsJobStepsResponse : IServiceResponse
    {
        public List<InferenceRecommendationsJobStep> Steps { get; set; } = new List<InferenceRecommendationsJobStep>();
        public string? NextToken { get; set; }
        public string? RequestId { get; set; }
    }
}
