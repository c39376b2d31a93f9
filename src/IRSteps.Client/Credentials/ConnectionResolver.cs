using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Security.Cryptography;
using System.Text;
using Amazon.Runtime;
using Amazon.Runtime.CredentialManagement;
using IRSteps.Errors;
using IRSteps.Services;

namespace IRSteps.Client.Credentials
{
    /// <summary>
    /// The AWS PowerShell rules for credentials, region and endpoint, first match wins, on AWSSDK.Core's
    /// profile store (which handles static, session, assume-role, SSO and credential_process profiles).
    /// Credentials: -AccessKey/-SecretKey; -Credential; -ProfileName; $StoredAWSCredentials; AWS_ACCESS_KEY_ID;
    /// AWS_PROFILE; the default profile; container, then instance credentials.
    /// Region: -Region; $StoredAWSRegion; AWS_REGION; AWS_DEFAULT_REGION; the profile in use; the default
    /// profile; instance metadata. Unlike AWS.Tools, a named profile's region is honoured.
    /// </summary>
    internal sealed class ConnectionResolver
    {
        private const string DefaultProfile = "default";

        // Profile credentials are cached so that an assume-role profile is not re-assumed on every call.
        private static readonly ConcurrentDictionary<string, AWSCredentials> ProfileCredentials = new ConcurrentDictionary<string, AWSCredentials>();

        private readonly Func<string, string> environment;

        public ConnectionResolver(Func<string, string> environment = null)
        {
            this.environment = environment ?? Environment.GetEnvironmentVariable;
        }

        public ResolvedConnection Resolve(ConnectionRequest request)
        {
            var tried = new List<string>();
            var result = new ResolvedConnection();
            CredentialProfile profileInUse = ResolveCredentials(request, result, tried);
            ResolveRegion(request, result, profileInUse);
            ResolveEndpoint(request, result);
            return result;
        }

        private CredentialProfile ResolveCredentials(ConnectionRequest request, ResolvedConnection result, List<string> tried)
        {
            // 1. -AccessKey / -SecretKey [/ -SessionToken]
            if (!string.IsNullOrEmpty(request.AccessKey) || !string.IsNullOrEmpty(request.SecretKey))
            {
                if (string.IsNullOrEmpty(request.AccessKey) || string.IsNullOrEmpty(request.SecretKey))
                {
                    throw new IRStepsConfigurationException(ErrorIds.InvalidCredentials,
                        "-AccessKey and -SecretKey go together: give both (and -SessionToken for temporary credentials), or neither.");
                }

                SetKeys(result, request.AccessKey, request.SecretKey, request.SessionToken, "the -AccessKey and -SecretKey parameters");
                return null;
            }

            // 2. -Credential
            if (request.Credential != null)
            {
                AWSCredentials credentials = ForeignCredentials.TryWrap(request.Credential)
                    ?? throw new IRStepsConfigurationException(ErrorIds.InvalidCredentials,
                        "-Credential takes an Amazon.Runtime.AWSCredentials object (for example from New-AWSCredential or Get-AWSCredential); got a " + request.Credential.GetType().FullName + ".");
                result.Credentials = credentials;
                result.CredentialSource = "the -Credential parameter";
                result.CredentialKey = "object:" + System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(request.Credential);
                return null;
            }

            // 3. -ProfileName [-ProfileLocation]: a name that is not found is an error, never a fallback.
            if (!string.IsNullOrEmpty(request.ProfileName))
            {
                return UseProfile(request.ProfileName, request.ProfileLocation, "-ProfileName", result, required: true);
            }

            // 4. $StoredAWSCredentials, as Set-AWSCredential leaves it: credentials, a wrapper holding them, or a profile name.
            if (request.StoredCredentials != null)
            {
                object stored = request.StoredCredentials;
                if (stored is string storedName && storedName.Length > 0)
                {
                    return UseProfile(storedName, request.ProfileLocation, "$StoredAWSCredentials", result, required: true);
                }

                AWSCredentials credentials = ForeignCredentials.TryWrap(stored) ?? ForeignCredentials.TryWrap(ReadProperty(stored, "Credentials"));
                if (credentials != null)
                {
                    result.Credentials = credentials;
                    result.CredentialSource = "$StoredAWSCredentials (Set-AWSCredential)";
                    result.CredentialKey = "object:" + System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(stored);
                    return null;
                }

                tried.Add("$StoredAWSCredentials (set, but holds no credentials)");
            }
            else
            {
                tried.Add("$StoredAWSCredentials");
            }

            // 5. AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY (or legacy AWS_SECRET_KEY) / AWS_SESSION_TOKEN
            string accessKey = environment("AWS_ACCESS_KEY_ID");
            string secretKey = FirstSet(environment("AWS_SECRET_ACCESS_KEY"), environment("AWS_SECRET_KEY"));
            if (!string.IsNullOrEmpty(accessKey) && !string.IsNullOrEmpty(secretKey))
            {
                SetKeys(result, accessKey, secretKey, environment("AWS_SESSION_TOKEN"), "the environment (AWS_ACCESS_KEY_ID)");
                return null;
            }

            tried.Add("AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY");

            // 6. AWS_PROFILE
            string envProfile = environment("AWS_PROFILE");
            if (!string.IsNullOrEmpty(envProfile))
            {
                return UseProfile(envProfile, request.ProfileLocation, "AWS_PROFILE", result, required: true);
            }

            tried.Add("AWS_PROFILE");

            // 7. The default profile.
            CredentialProfile defaultProfile = UseProfile(DefaultProfile, request.ProfileLocation, "the default profile", result, required: false);
            if (result.Credentials != null) return defaultProfile;
            tried.Add("the 'default' profile in " + DescribeStores(request.ProfileLocation));

            // 8. Container credentials, then the instance profile: the SDK's own chain, whose earlier links
            //    (environment, profiles) have already been tried above with the AWS PowerShell precedence.
            if (!string.IsNullOrEmpty(environment("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI")) || !string.IsNullOrEmpty(environment("AWS_CONTAINER_CREDENTIALS_FULL_URI")))
            {
                result.Credentials = new GenericContainerCredentials();
                result.CredentialSource = "container credentials (AWS_CONTAINER_CREDENTIALS_*)";
                result.CredentialKey = "container";
                return defaultProfile;
            }

            tried.Add("container credentials");
            if (!string.Equals(environment("AWS_EC2_METADATA_DISABLED"), "true", StringComparison.OrdinalIgnoreCase))
            {
                try
                {
                    result.Credentials = Amazon.Runtime.Credentials.DefaultAWSCredentialsIdentityResolver.GetCredentials();
                    result.CredentialSource = "the SDK's default chain (EC2 instance profile)";
                    result.CredentialKey = "instance";
                    return defaultProfile;
                }
                catch (Exception)
                {
                    tried.Add("the EC2 instance profile");
                }
            }
            else
            {
                tried.Add("the EC2 instance profile (AWS_EC2_METADATA_DISABLED is true)");
            }

            throw new IRStepsConfigurationException(ErrorIds.NoCredentials,
                "No credentials specified or obtained from persisted/shell defaults. Tried: " + string.Join("; ", tried) + ". " +
                "Pass -AccessKey and -SecretKey, -Credential or -ProfileName, run Set-AWSCredential, set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY or AWS_PROFILE, " +
                "or create a default profile (for example with 'aws configure').");
        }

        private CredentialProfile UseProfile(string name, string location, string via, ResolvedConnection result, bool required)
        {
            ICredentialProfileSource chain = string.IsNullOrEmpty(location) ? new CredentialProfileStoreChain() : new CredentialProfileStoreChain(location);
            if (!chain.TryGetProfile(name, out CredentialProfile profile))
            {
                if (!required) return null;
                throw new IRStepsConfigurationException(ErrorIds.ProfileNotFound,
                    "The profile '" + name + "' (from " + via + ") was not found in " + DescribeStores(location) + ". " +
                    "Check the name with Get-Content of your AWS config file, or pass -ProfileLocation for a file elsewhere.");
            }

            string cacheKey = (location ?? string.Empty) + "|" + name + "|" + StoreStamp(location);
            AWSCredentials credentials = ProfileCredentials.GetOrAdd(cacheKey, _ =>
            {
                try
                {
                    return AWSCredentialsFactory.GetAWSCredentials(profile, chain);
                }
                catch (Exception exception)
                {
                    throw new IRStepsConfigurationException(ErrorIds.InvalidCredentials,
                        "The profile '" + name + "' could not give credentials: " + exception.Message, exception);
                }
            });

            result.Credentials = credentials;
            result.CredentialSource = "profile '" + name + "' (" + via + ")";
            result.CredentialKey = "profile:" + cacheKey;
            result.ProfileName = name;
            result.ProfileLocation = location;
            return profile;
        }

        private void ResolveRegion(ConnectionRequest request, ResolvedConnection result, CredentialProfile profileInUse)
        {
            if (Set(request.Region, "the -Region parameter")) return;
            if (Set(request.StoredRegion, "$StoredAWSRegion (Set-DefaultAWSRegion)")) return;
            if (Set(environment("AWS_REGION"), "the environment (AWS_REGION)")) return;
            if (Set(environment("AWS_DEFAULT_REGION"), "the environment (AWS_DEFAULT_REGION)")) return;
            if (profileInUse != null && Set(profileInUse.Region?.SystemName, "profile '" + profileInUse.Name + "'")) return;

            // A profile named by AWS_PROFILE gives its region even when the credentials came from elsewhere.
            string envProfile = environment("AWS_PROFILE");
            CredentialProfile named = LookUp(string.IsNullOrEmpty(envProfile) ? DefaultProfile : envProfile, request.ProfileLocation);
            if (named != null && Set(named.Region?.SystemName, "profile '" + named.Name + "'")) return;
            if (named?.Name != DefaultProfile)
            {
                CredentialProfile fallback = LookUp(DefaultProfile, request.ProfileLocation);
                if (fallback != null && Set(fallback.Region?.SystemName, "the default profile")) return;
            }

            if (!string.Equals(environment("AWS_EC2_METADATA_DISABLED"), "true", StringComparison.OrdinalIgnoreCase))
            {
                string fromMetadata = SafeInstanceRegion();
                if (Set(fromMetadata, "EC2 instance metadata")) return;
            }

            throw new IRStepsConfigurationException(ErrorIds.NoRegion,
                "No region specified or obtained from persisted/shell defaults. Tried: -Region, $StoredAWSRegion, AWS_REGION, AWS_DEFAULT_REGION, " +
                "the profile's region and the default profile's region. Pass -Region (for example -Region us-east-1), run Set-DefaultAWSRegion, " +
                "or set AWS_REGION.");

            bool Set(string value, string source)
            {
                if (string.IsNullOrWhiteSpace(value)) return false;
                result.Region = value.Trim();
                result.RegionSource = source;
                return true;
            }
        }

        private void ResolveEndpoint(ConnectionRequest request, ResolvedConnection result)
        {
            if (!string.IsNullOrEmpty(request.EndpointUrl))
            {
                if (!Uri.TryCreate(request.EndpointUrl, UriKind.Absolute, out Uri uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
                {
                    throw new IRStepsConfigurationException(ErrorIds.InvalidEndpoint,
                        "-EndpointUrl '" + request.EndpointUrl + "' is not an http or https URL (for example https://api.sagemaker.us-east-1.amazonaws.com).");
                }

                result.EndpointUrl = request.EndpointUrl;
                result.EndpointSource = "the -EndpointUrl parameter";
                return;
            }

            // Otherwise AWSSDK.Core applies AWS_ENDPOINT_URL_SAGEMAKER, AWS_ENDPOINT_URL, the profile's endpoint_url,
            // AWS_IGNORE_CONFIGURED_ENDPOINT_URLS and the FIPS and dual-stack settings; we only name the source.
            if (!string.Equals(environment("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"), "true", StringComparison.OrdinalIgnoreCase))
            {
                if (!string.IsNullOrEmpty(environment("AWS_ENDPOINT_URL_SAGEMAKER"))) { result.EndpointSource = "the environment (AWS_ENDPOINT_URL_SAGEMAKER)"; return; }
                if (!string.IsNullOrEmpty(environment("AWS_ENDPOINT_URL"))) { result.EndpointSource = "the environment (AWS_ENDPOINT_URL)"; return; }
            }

            result.EndpointSource = "the SDK's endpoint rules";
        }

        private static void SetKeys(ResolvedConnection result, string accessKey, string secretKey, string sessionToken, string source)
        {
            result.Credentials = string.IsNullOrEmpty(sessionToken)
                ? (AWSCredentials)new BasicAWSCredentials(accessKey, secretKey)
                : new SessionAWSCredentials(accessKey, secretKey, sessionToken);
            result.CredentialSource = source + ", access key " + Mask(accessKey);
            result.CredentialKey = "keys:" + Hash(accessKey + "\n" + secretKey + "\n" + sessionToken);
        }

        private static CredentialProfile LookUp(string name, string location)
        {
            ICredentialProfileSource chain = string.IsNullOrEmpty(location) ? new CredentialProfileStoreChain() : new CredentialProfileStoreChain(location);
            return chain.TryGetProfile(name, out CredentialProfile profile) ? profile : null;
        }

        private string DescribeStores(string location)
        {
            if (!string.IsNullOrEmpty(location)) return "'" + location + "'";
            string credentials = FirstSet(environment("AWS_SHARED_CREDENTIALS_FILE"), "~/.aws/credentials");
            string config = FirstSet(environment("AWS_CONFIG_FILE"), "~/.aws/config");
            return "the SDK store, '" + credentials + "' and '" + config + "'";
        }

        /// <summary>Changes when a profile file changes, so an edited profile is read again.</summary>
        private string StoreStamp(string location)
        {
            var stamp = new StringBuilder();
            foreach (string path in new[] { location, environment("AWS_SHARED_CREDENTIALS_FILE"), environment("AWS_CONFIG_FILE"), environment("HOME"), environment("USERPROFILE") })
            {
                if (string.IsNullOrEmpty(path)) continue;
                stamp.Append(path).Append('@');
                try
                {
                    stamp.Append(System.IO.File.GetLastWriteTimeUtc(path).Ticks);
                }
                catch (Exception)
                {
                    // A path that cannot be read stamps as itself.
                }
            }

            return stamp.ToString();
        }

        private static string SafeInstanceRegion()
        {
            try
            {
                return Amazon.Util.EC2InstanceMetadata.Region?.SystemName;
            }
            catch (Exception)
            {
                return null;
            }
        }

        private static object ReadProperty(object value, string name) => value?.GetType().GetProperty(name)?.GetValue(value);

        private static string FirstSet(params string[] values)
        {
            foreach (string value in values)
            {
                if (!string.IsNullOrEmpty(value)) return value;
            }

            return null;
        }

        /// <summary>An access key shown the way the AWS console shows it: the last four characters.</summary>
        internal static string Mask(string accessKey) =>
            string.IsNullOrEmpty(accessKey) || accessKey.Length <= 4 ? "****" : new string('*', Math.Min(16, accessKey.Length - 4)) + accessKey.Substring(accessKey.Length - 4);

        private static string Hash(string value)
        {
            using (var sha = SHA256.Create())
            {
                return Convert.ToBase64String(sha.ComputeHash(Encoding.UTF8.GetBytes(value)));
            }
        }
    }
}
