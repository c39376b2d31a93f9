using System.Collections.Generic;

namespace IRSteps.Model
{
    /// <summary>The VPC the job's benchmark endpoints ran in.</summary>
    public sealed class RecommendationJobVpcConfig
    {
        public List<string>? SecurityGroupIds { get; set; }
        public List<string>? Subnets { get; set; }
    }
}
