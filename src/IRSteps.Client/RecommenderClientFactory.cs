using System;
using System.Collections.Generic;
using System.Linq;
using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.Endpoints;
using IRSteps.Client.Connection;
using IRSteps.Client.SageMaker;
using IRSteps.Client.SageMaker.Operations;
using IRSteps.Contract;
using IRSteps.Errors;

namespace IRSteps.Client
{
    /// <summary>
    /// Entry point of the client, created by the module's loader by name. Resolves a cmdlet's connection
    /// request and hands out an IRecommenderClient over a SageMakerClient; SageMaker clients are cached per connection so that
    /// SDK start-up, connection pooling and clock-skew learning carry over between commands (64 at most, see ClientCache).
    /// </summary>
    internal sealed class RecommenderClientFactory : IRecommenderClientFactory
    {
        /// <summary>The default time one HTTP attempt may take before it is abandoned.</summary>
        public static readonly TimeSpan DefaultRequestTimeout = TimeSpan.FromSeconds(60);

        private static readonly ClientCache<SageMakerClient> Clients = new ClientCache<SageMakerClient>(64);

        public IReadOnlyList<KeyValuePair<string, string>> Regions() =>
            RegionEndpoint.EnumerableAllRegions.Select(region => new KeyValuePair<string, string>(region.SystemName, region.DisplayName)).ToList();

        public IReadOnlyList<KeyValuePair<string, string>> Profiles(string? profileLocation) =>
            ProfileFiles.For(profileLocation, Environment.GetEnvironmentVariable).ListProfiles()
                .Select(profile => new KeyValuePair<string, string>(profile.Name, ProfileFiles.Summarize(profile)))
                .ToList();

        public IRecommenderClient Create(ConnectionRequest request)
        {
            ResolvedConnection resolved = new ConnectionResolver().Resolve(request);
            request.Debug?.Invoke("IRSteps profile files: '" + resolved.Files.CredentialsFile + "' and '" + resolved.Files.ConfigFile + "'; settings from profile '" + resolved.ProfileName + "'");
            request.Verbose?.Invoke("IRSteps credentials from " + resolved.CredentialSource);
            request.Verbose?.Invoke("IRSteps region " + resolved.Region + " from " + resolved.RegionSource);

            TimeSpan timeout = request.RequestTimeout ?? DefaultRequestTimeout;
            RetrySettings retries = RetrySettings.Read(resolved.ProfileName, resolved.Files.Store());
            request.Debug?.Invoke("IRSteps retries: " + retries + "; each request given up after " + timeout.TotalSeconds + " s (-TimeoutSec)");
            SageMakerConfig config = BuildConfig(resolved, timeout, retries);
            EndpointLadder.SettleEndpoint(resolved, config.ServiceURL);
            request.Verbose?.Invoke("IRSteps endpoint " + EndpointOf(config) + " from " + resolved.EndpointSource +
                (resolved.UseFips ? "; FIPS from " + resolved.FipsSource : string.Empty) +
                (resolved.UseDualStack ? "; dual-stack from " + resolved.DualStackSource : string.Empty));

            // Fetch the keys now: a profile that cannot give any stops here, before any request, with a clear message.
            ImmutableCredentials keys = CredentialLadder.ProveCredentials(resolved);
            request.Verbose?.Invoke("IRSteps signing with access key " + CredentialLadder.Mask(keys.AccessKey) + (string.IsNullOrEmpty(keys.Token) ? string.Empty : " and a session token"));

            // The request, the AWS_* environment and the profile files as written decide everything the client is built from.
            SageMakerClient client = Clients.GetOrAdd(request.CacheKey() + "|" + resolved.Files.Stamp(), () => new SageMakerClient(resolved.Credentials, config));

            var secrets = new[]
                {
                    keys.SecretKey, keys.Token, request.SecretKey, request.SessionToken, Environment.GetEnvironmentVariable("AWS_SECRET_ACCESS_KEY"),
                    Environment.GetEnvironmentVariable("AWS_SECRET_KEY"), Environment.GetEnvironmentVariable("AWS_SESSION_TOKEN"),
                }
                .Where(s => !string.IsNullOrEmpty(s)).Select(s => s!).ToArray();
            var translator = new ExceptionTranslator(secrets, resolved.EndpointUrl ?? config.ServiceURL ?? "the SageMaker endpoint for " + resolved.Region);
            return new RecommenderClient(client, translator, timeout, request.Verbose);
        }

        internal static SageMakerConfig BuildConfig(ResolvedConnection resolved, TimeSpan timeout, RetrySettings? retries = null)
        {
            var config = new SageMakerConfig
            {
                Timeout = timeout,

                // The SDK's request metrics hold the canonical request, session token included, and are logged
                // whenever AWSConfigs.LoggingConfig.LogMetrics is on (on Windows PowerShell that setting is shared
                // with AWS.Tools): never collect them. -Verbose shows timings and retries instead.
                LogMetrics = false,
            };
            (retries ?? RetrySettings.Read(resolved.ProfileName, resolved.Files?.Store())).ApplyTo(config);

            if (resolved.ProfileName != null)
            {
                // The profile whose endpoint_url / services section (and retry_mode, max_attempts, ...) apply.
                config.Profile = resolved.Files?.Location == null ? new Profile(resolved.ProfileName) : new Profile(resolved.ProfileName, resolved.Files.Location);
            }

            // Set explicitly from what the resolver read now: the SDK's own defaults for these are read once per process.
            config.IgnoreConfiguredEndpointUrls = resolved.IgnoreConfiguredEndpoints;
            config.UseFIPSEndpoint = resolved.UseFips;
            config.UseDualstackEndpoint = resolved.UseDualStack;

            if (resolved.EndpointUrl != null)
            {
                config.ServiceURL = resolved.EndpointUrl;
            }
            else
            {
                config.RegionEndpoint = RegionEndpoint.GetBySystemName(resolved.Region);
            }

            // Always sign for the resolved region: with an endpoint override the SDK would otherwise guess it from the URL.
            config.AuthenticationRegion = resolved.Region;
            return config;
        }

        /// <summary>The URL the client will call, by the same rules the requests use.</summary>
        internal static string EndpointOf(SageMakerConfig config)
        {
            try
            {
                var request = new SageMakerRequest<object?>(null);
                return config.DetermineServiceOperationEndpoint(new ServiceOperationEndpointParameters(request)).URL;
            }
            catch (AmazonClientException exception)
            {
                throw new IRStepsConfigurationException(ErrorIds.InvalidEndpoint, "No SageMaker endpoint fits these settings: " + exception.Message, exception);
            }
        }
    }
}
