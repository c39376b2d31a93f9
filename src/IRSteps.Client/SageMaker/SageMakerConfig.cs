using Amazon.Runtime;
using Amazon.Runtime.Endpoints;
using Amazon.Runtime.Internal;
using Amazon.Util.Internal;

namespace IRSteps.Client.SageMaker
{
    /// <summary>The SageMaker client configuration: service id, signing name, version and endpoint provider.</summary>
    internal sealed class SageMakerConfig : ClientConfig
    {
        public const string ServiceIdValue = "SageMaker";
        public const string SigningName = "sagemaker";

        /// <summary>The API version: the client's ServiceVersion and every request's x-amz-api-version.</summary>
        public const string ApiVersion = "2017-07-24";
        private static readonly string UserAgentString = InternalSDKUtils.BuildUserAgentString(ServiceIdValue, typeof(SageMakerConfig).Assembly.GetName().Version.ToString());
        private static readonly SageMakerEndpointResolver Resolver = new SageMakerEndpointResolver();

        public SageMakerConfig()
            : base(new DefaultConfigurationProvider(SageMakerDefaultConfiguration.All))
        {
            ServiceId = ServiceIdValue;
            AuthenticationServiceName = SigningName;
            EndpointProvider = new SageMakerEndpointProvider();
        }

        public override string RegionEndpointServiceName => "api.sagemaker";

        public override string ServiceVersion => ApiVersion;

        public override string UserAgent => UserAgentString;

        public override Endpoint DetermineServiceOperationEndpoint(ServiceOperationEndpointParameters parameters)
        {
            var context = new ExecutionContext(
                new RequestContext(false)
                {
                    ClientConfig = this,
                    OriginalRequest = parameters.Request,
                    Request = new DefaultRequest(parameters.Request, ServiceIdValue) { AlternateEndpoint = parameters.AlternateEndpoint },
                },
                null);
            return Resolver.GetEndpoint(context);
        }
    }
}
