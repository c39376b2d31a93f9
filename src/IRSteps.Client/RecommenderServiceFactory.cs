using System;
using System.Collections;
using System.Collections.Concurrent;
using System.Linq;
using System.Text;
using Amazon;
using IRSteps.Client.Credentials;
using IRSteps.Services;

namespace IRSteps.Client
{
    /// <summary>
    /// Entry point of the engine, created by the module's loader by name. Resolves a cmdlet's connection
    /// request and hands out a service over a SageMaker client; clients are cached per connection so that
    /// SDK start-up, connection pooling and clock-skew learning carry over between commands.
    /// </summary>
    public sealed class RecommenderServiceFactory : IRecommenderServiceFactory
    {
        /// <summary>The default time one HTTP attempt may take before it is abandoned.</summary>
        public static readonly TimeSpan DefaultRequestTimeout = TimeSpan.FromSeconds(60);

        private static readonly ConcurrentDictionary<string, SageMakerClient> Clients = new ConcurrentDictionary<string, SageMakerClient>();

        public IRecommenderService Create(ConnectionRequest request)
        {
            ResolvedConnection resolved = new ConnectionResolver().Resolve(request);
            var info = new ConnectionInfo
            {
                Region = resolved.Region,
                RegionSource = resolved.RegionSource,
                CredentialSource = resolved.CredentialSource,
                Endpoint = resolved.EndpointUrl,
                EndpointSource = resolved.EndpointSource,
            };
            request.Debug?.Invoke("IRSteps credentials: " + info.CredentialSource);
            request.Debug?.Invoke("IRSteps region: " + info.Region + " from " + info.RegionSource);
            request.Debug?.Invoke("IRSteps endpoint: " + (info.Endpoint ?? "(rules)") + " from " + info.EndpointSource);

            TimeSpan timeout = request.RequestTimeout ?? DefaultRequestTimeout;
            string key = string.Join("|", resolved.CredentialKey, resolved.Region, resolved.EndpointUrl, resolved.ProfileName, resolved.ProfileLocation, timeout.Ticks, AwsEnvironmentStamp());
            SageMakerClient client = Clients.GetOrAdd(key, _ => new SageMakerClient(resolved.Credentials, BuildConfig(resolved, timeout)));

            var secrets = new[] { request.SecretKey, request.SessionToken, Environment.GetEnvironmentVariable("AWS_SECRET_ACCESS_KEY"), Environment.GetEnvironmentVariable("AWS_SECRET_KEY"), Environment.GetEnvironmentVariable("AWS_SESSION_TOKEN") }
                .Where(s => !string.IsNullOrEmpty(s)).ToArray();
            var translator = new ExceptionTranslator(secrets, resolved.EndpointUrl ?? "the SageMaker endpoint for " + resolved.Region);
            return new RecommenderService(client, info, translator);
        }

        internal static SageMakerConfig BuildConfig(ResolvedConnection resolved, TimeSpan timeout)
        {
            var config = new SageMakerConfig
            {
                RegionEndpoint = RegionEndpoint.GetBySystemName(resolved.Region),
                Timeout = timeout,
            };

            if (resolved.ProfileName != null)
            {
                // The profile's settings (retry_mode, max_attempts, endpoint_url, use_fips_endpoint, ...) come from the SDK.
                config.Profile = new Profile(resolved.ProfileName, resolved.ProfileLocation);
            }

            if (resolved.EndpointUrl != null)
            {
                config.ServiceURL = resolved.EndpointUrl; // clears RegionEndpoint
            }

            // Always sign for the resolved region: with an endpoint override the SDK would otherwise guess it from the URL.
            config.AuthenticationRegion = resolved.Region;
            return config;
        }

        /// <summary>The AWS_* environment the SDK reads per client (endpoints, retries): a change makes a new client.</summary>
        private static string AwsEnvironmentStamp()
        {
            var stamp = new StringBuilder();
            foreach (DictionaryEntry entry in Environment.GetEnvironmentVariables().Cast<DictionaryEntry>().OrderBy(e => (string)e.Key, StringComparer.Ordinal))
            {
                string name = (string)entry.Key;
                if (name.StartsWith("AWS_", StringComparison.OrdinalIgnoreCase) && name.IndexOf("SECRET", StringComparison.OrdinalIgnoreCase) < 0 && name.IndexOf("TOKEN", StringComparison.OrdinalIgnoreCase) < 0)
                {
                    stamp.Append(name).Append('=').Append(entry.Value).Append(';');
                }
            }

            return stamp.ToString();
        }
    }
}
