using System.Collections.Generic;

namespace IRSteps.Model
{
    /// <summary>What the job was told about the model's container.</summary>
    public sealed class RecommendationJobContainerConfig
    {
        public string? Domain { get; set; }
        public string? Task { get; set; }
        public string? Framework { get; set; }
        public string? FrameworkVersion { get; set; }
        public RecommendationJobPayloadConfig? PayloadConfig { get; set; }
        public string? NearestModelName { get; set; }
        public List<string>? SupportedInstanceTypes { get; set; }
        public string? SupportedEndpointType { get; set; }
        public string? DataInputConfig { get; set; }
        public List<string>? SupportedResponseMIMETypes { get; set; }
    }
}
