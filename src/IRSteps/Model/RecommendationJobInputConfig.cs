using System.Collections.Generic;

namespace IRSteps.Model
{
    /// <summary>What a job was asked to benchmark and how.</summary>
    public sealed class RecommendationJobInputConfig
    {
        public string? ModelPackageVersionArn { get; set; }
        public string? ModelName { get; set; }
        public int? JobDurationInSeconds { get; set; }
        public TrafficPattern? TrafficPattern { get; set; }
        public RecommendationJobResourceLimit? ResourceLimit { get; set; }
        public List<EndpointInputConfiguration>? EndpointConfigurations { get; set; }
        public string? VolumeKmsKeyId { get; set; }
        public RecommendationJobContainerConfig? ContainerConfig { get; set; }

        /// <summary>The existing endpoints the job compared against.</summary>
        public List<EndpointInfo>? Endpoints { get; set; }

        public RecommendationJobVpcConfig? VpcConfig { get; set; }
    }
}
