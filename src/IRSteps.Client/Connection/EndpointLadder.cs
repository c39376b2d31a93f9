using System;
using Amazon.Runtime.CredentialManagement;
using IRSteps.Contract;
using IRSteps.Errors;

namespace IRSteps.Client.Connection
{
    /// <summary>
    /// The rule for the endpoint: -EndpointUrl; AWS_ENDPOINT_URL_SAGEMAKER; AWS_ENDPOINT_URL; the profile's services
    /// section or endpoint_url (applied by the SDK, named by SettleEndpoint); AWS_IGNORE_CONFIGURED_ENDPOINT_URLS,
    /// AWS_USE_FIPS_ENDPOINT and AWS_USE_DUALSTACK_ENDPOINT (or the profile's keys).
    /// </summary>
    internal sealed class EndpointLadder
    {
        private readonly Func<string, string?> environment;

        public EndpointLadder(Func<string, string?> environment)
        {
            this.environment = environment;
        }

        /// <summary>Settles the endpoint, FIPS and dual-stack settings; runs after the region (a FIPS pseudo-region sets FIPS).</summary>
        public void Resolve(ConnectionRequest request, ResolvedConnection result, CredentialProfile? settings)
        {
            string profileName = "profile '" + result.ProfileName + "'";
            bool? ignore = ConnectionSettings.ParseBool(environment("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"));
            result.IgnoreConfiguredEndpoints = ignore ?? settings?.IgnoreConfiguredEndpointUrls ?? false;

            if (!result.UseFips)
            {
                Setting(ConnectionSettings.ParseBool(environment("AWS_USE_FIPS_ENDPOINT")), "AWS_USE_FIPS_ENDPOINT", settings?.UseFIPSEndpoint, "use_fips_endpoint of " + profileName,
                    (on, source) => { result.UseFips = on; result.FipsSource = source; });
            }

            Setting(ConnectionSettings.ParseBool(environment("AWS_USE_DUALSTACK_ENDPOINT")), "AWS_USE_DUALSTACK_ENDPOINT", settings?.UseDualstackEndpoint, "use_dualstack_endpoint of " + profileName,
                (on, source) => { result.UseDualStack = on; result.DualStackSource = source; });

            if (!string.IsNullOrEmpty(request.EndpointUrl))
            {
                UseEndpoint(request.EndpointUrl, "the -EndpointUrl parameter");
            }
            else if (result.IgnoreConfiguredEndpoints)
            {
                result.EndpointSource = "the SageMaker endpoint rules (configured endpoints ignored: " +
                    (ignore.HasValue ? "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS" : "ignore_configured_endpoint_urls of " + profileName) + ")";
            }
            else if (!string.IsNullOrEmpty(environment("AWS_ENDPOINT_URL_SAGEMAKER")))
            {
                UseEndpoint(environment("AWS_ENDPOINT_URL_SAGEMAKER"), "the environment (AWS_ENDPOINT_URL_SAGEMAKER)");
            }
            else if (!string.IsNullOrEmpty(environment("AWS_ENDPOINT_URL")))
            {
                UseEndpoint(environment("AWS_ENDPOINT_URL"), "the environment (AWS_ENDPOINT_URL)");
            }
            else
            {
                // The profile's services section or endpoint_url, if any, is applied by the SDK (SettleEndpoint names it).
                result.EndpointSource = "the SageMaker endpoint rules";
            }

            if (result.EndpointUrl != null) SettleEndpoint(result, result.EndpointUrl, settings);

            void UseEndpoint(string? url, string source)
            {
                if (!Uri.TryCreate(url, UriKind.Absolute, out Uri uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
                {
                    throw new IRStepsConfigurationException(ErrorIds.InvalidEndpoint,
                        "The endpoint '" + url + "' from " + source + " is not an http or https URL (for example https://api.sagemaker.us-east-1.amazonaws.com).");
                }

                result.EndpointUrl = url;
                result.EndpointSource = source;
            }
        }

        /// <summary>
        /// Names where the endpoint the SDK settled on came from and refuses FIPS or dual-stack with a custom
        /// endpoint (no such endpoint exists; the SDK's rules would refuse it on the first call).
        /// </summary>
        public static void SettleEndpoint(ResolvedConnection resolved, string? serviceUrl, CredentialProfile? settings = null)
        {
            if (resolved.EndpointUrl == null && !string.IsNullOrEmpty(serviceUrl))
            {
                settings = settings ?? ConnectionSettings.LookUp(resolved.ProfileName, resolved.Files);
                resolved.EndpointSource = settings != null && !string.IsNullOrEmpty(settings.EndpointUrl) && SameUrl(settings.EndpointUrl, serviceUrl) && string.IsNullOrEmpty(settings.Services)
                    ? "endpoint_url of profile '" + resolved.ProfileName + "'"
                    : settings != null && !string.IsNullOrEmpty(settings.Services)
                        ? "the services section '" + settings.Services + "' (or endpoint_url) of profile '" + resolved.ProfileName + "'"
                        : "the configured endpoint of profile '" + resolved.ProfileName + "'";
            }

            if (!string.IsNullOrEmpty(serviceUrl) && (resolved.UseFips || resolved.UseDualStack))
            {
                string what = resolved.UseFips ? "FIPS (from " + resolved.FipsSource + ")" : "dual-stack (from " + resolved.DualStackSource + ")";
                throw new IRStepsConfigurationException(ErrorIds.InvalidEndpoint,
                    what + " cannot be combined with the custom endpoint " + serviceUrl + " from " + resolved.EndpointSource +
                    ": AWS has no FIPS or dual-stack variant of a custom endpoint. Remove one of the two settings.");
            }
        }

        private static void Setting(bool? fromEnvironment, string variable, bool? fromProfile, string profileKey, Action<bool, string> apply)
        {
            if (fromEnvironment.HasValue) apply(fromEnvironment.Value, "the environment (" + variable + ")");
            else if (fromProfile.HasValue) apply(fromProfile.Value, profileKey);
        }

        private static bool SameUrl(string a, string? b) =>
            string.Equals(a.TrimEnd('/'), b?.TrimEnd('/'), StringComparison.OrdinalIgnoreCase);
    }
}
