using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using Amazon.Runtime;

namespace IRSteps.Client.SageMaker
{
    /// <summary>The SDK's defaults modes (standard, in-region, cross-region, mobile, auto), as every generated client has them.</summary>
    internal static class SageMakerDefaultConfiguration
    {
        public static ReadOnlyCollection<IDefaultConfiguration> All { get; } = new ReadOnlyCollection<IDefaultConfiguration>(new List<IDefaultConfiguration>
        {
            Mode(DefaultConfigurationMode.Standard, 3100),
            Mode(DefaultConfigurationMode.InRegion, 1100),
            Mode(DefaultConfigurationMode.CrossRegion, 3100),
            Mode(DefaultConfigurationMode.Mobile, 30000),
            Mode(DefaultConfigurationMode.Auto, 1100),
        });

        private static IDefaultConfiguration Mode(DefaultConfigurationMode name, int connectTimeoutMs)
        {
            return new DefaultConfiguration
            {
                Name = name,
                RetryMode = RequestRetryMode.Standard,
                S3UsEast1RegionalEndpoint = S3UsEast1RegionalEndpointValue.Regional,
                ConnectTimeout = TimeSpan.FromMilliseconds(connectTimeoutMs),
                TlsNegotiationTimeout = TimeSpan.FromMilliseconds(connectTimeoutMs),
                TimeToFirstByteTimeout = null,
                HttpRequestTimeout = null,
            };
        }
    }
}
