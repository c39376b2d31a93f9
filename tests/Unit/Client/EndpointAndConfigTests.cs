using System;
using Amazon;
using Amazon.Runtime;
using IRSteps.Client;
using IRSteps.Client.Connection;
using IRSteps.Client.SageMaker;
using Xunit;

namespace IRSteps.Tests
{
    public class EndpointAndConfigTests
    {
        private static string Resolve(string region, bool fips = false, bool dualStack = false, string endpoint = null)
        {
            var parameters = new SageMakerEndpointParameters { Region = region, UseFIPS = fips, UseDualStack = dualStack, Endpoint = endpoint };
            return new SageMakerEndpointProvider().ResolveEndpoint(parameters).URL;
        }

        [Theory]
        [InlineData("us-east-1", false, false, "https://api.sagemaker.us-east-1.amazonaws.com")]
        [InlineData("eu-west-1", false, false, "https://api.sagemaker.eu-west-1.amazonaws.com")]
        [InlineData("cn-north-1", false, false, "https://api.sagemaker.cn-north-1.amazonaws.com.cn")]
        [InlineData("us-east-1", true, false, "https://api-fips.sagemaker.us-east-1.amazonaws.com")]
        [InlineData("us-gov-west-1", true, false, "https://api-fips.sagemaker.us-gov-west-1.amazonaws.com")]
        [InlineData("us-east-1", false, true, "https://api.sagemaker.us-east-1.api.aws")]
        [InlineData("us-east-1", true, true, "https://api.sagemaker-fips.us-east-1.api.aws")]
        public void Endpoint_rules_give_SageMakers_hosts(string region, bool fips, bool dualStack, string expected)
        {
            Assert.Equal(expected, Resolve(region, fips, dualStack));
        }

        [Fact]
        public void A_custom_endpoint_is_used_as_given_and_refuses_FIPS()
        {
            Assert.Equal("http://127.0.0.1:9000", Resolve("us-east-1", endpoint: "http://127.0.0.1:9000"));
            Assert.Throws<AmazonClientException>(() => Resolve("us-east-1", fips: true, endpoint: "http://127.0.0.1:9000"));
            Assert.Throws<AmazonClientException>(() => Resolve(null));
        }

        [Fact]
        public void Config_signs_as_sagemaker_with_service_id_SageMaker()
        {
            var config = new SageMakerConfig();
            Assert.Equal("sagemaker", config.AuthenticationServiceName);
            Assert.Equal("SageMaker", config.ServiceId);
            Assert.Equal("2017-07-24", config.ServiceVersion);
        }

        [Fact]
        public void With_an_endpoint_override_the_resolved_region_still_decides_the_signing_scope()
        {
            var resolved = new ResolvedConnection { Region = "eu-central-1", EndpointUrl = "http://127.0.0.1:9000", Credentials = new BasicAWSCredentials("AKIDTESTX", "secret") };
            SageMakerConfig config = RecommenderClientFactory.BuildConfig(resolved, TimeSpan.FromSeconds(5));

            Assert.Equal("http://127.0.0.1:9000/", config.ServiceURL);
            Assert.Equal("eu-central-1", config.AuthenticationRegion);
            Assert.Equal(TimeSpan.FromSeconds(5), config.Timeout);
        }

        [Fact]
        public void Without_an_override_the_region_endpoint_is_set()
        {
            var resolved = new ResolvedConnection { Region = "ap-southeast-2", Credentials = new BasicAWSCredentials("AKIDTESTX", "secret") };
            SageMakerConfig config = RecommenderClientFactory.BuildConfig(resolved, TimeSpan.FromSeconds(60));

            Assert.Equal(RegionEndpoint.APSoutheast2, config.RegionEndpoint);
            Assert.Null(config.ServiceURL);
        }
    }
}
