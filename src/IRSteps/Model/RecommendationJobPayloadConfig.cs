using System.Collections.Generic;

namespace IRSteps.Model
{
    /// <summary>The sample payload a job sent.</summary>
    public sealed class RecommendationJobPayloadConfig
    {
        public string? SamplePayloadUrl { get; set; }
        public List<string>? SupportedContentTypes { get; set; }
    }
}
