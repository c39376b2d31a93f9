using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.Endpoints;
using Amazon.Runtime.Internal;
using Amazon.Util;

namespace IRSteps.Client.SageMaker
{
    /// <summary>Maps the client configuration onto the endpoint rules' parameters for each request.</summary>
    internal sealed class SageMakerEndpointResolver : BaseEndpointResolver
    {
        protected override void ServiceSpecificHandler(IExecutionContext executionContext, EndpointParameters parameters)
        {
            InjectHostPrefix(executionContext.RequestContext);
        }

        protected override EndpointParameters MapEndpointsParameters(IRequestContext requestContext)
        {
            var config = (SageMakerConfig)requestContext.ClientConfig;
            var parameters = new SageMakerEndpointParameters
            {
                Region = requestContext.Request.AlternateEndpoint?.SystemName ?? config.RegionEndpoint?.SystemName,
                UseDualStack = config.UseDualstackEndpoint,
                UseFIPS = config.UseFIPSEndpoint,
                Endpoint = config.ServiceURL,
            };

            // An endpoint override clears RegionEndpoint: the signing region then decides the rules' region.
            if (config.RegionEndpoint == null && !string.IsNullOrEmpty(config.ServiceURL))
            {
                parameters.Region = !string.IsNullOrEmpty(config.AuthenticationRegion)
                    ? config.AuthenticationRegion
                    : RegionEndpoint.GetBySystemName(AWSSDKUtils.DetermineRegion(config.ServiceURL)).SystemName;
            }

            if (requestContext.Request.AlternateEndpoint != null)
            {
                parameters.Region = requestContext.Request.AlternateEndpoint.SystemName;
            }

            return parameters;
        }
    }
}
