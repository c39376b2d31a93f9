using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Security.Cryptography;
using System.Text;
using Amazon.Runtime;
using Amazon.Runtime.CredentialManagement;
using IRSteps.Contract;
using IRSteps.Errors;

namespace IRSteps.Client.Connection
{
    /// <summary>
    /// The AWS PowerShell rule for credentials, first match wins, on AWSSDK.Core's profile store (static, session,
    /// assume-role, SSO and credential_process profiles): -AccessKey/-SecretKey; -Credential; -ProfileName;
    /// $StoredAWSCredentials; AWS_ACCESS_KEY_ID; AWS_PROFILE; the default profile; container, then instance credentials.
    /// </summary>
    internal sealed class CredentialLadder
    {
        // Profile credentials are cached so that an assume-role profile is not re-assumed on every call (and an
        // SSO profile does not fetch role credentials again); the key changes when a profile file is written.
        private static readonly ConcurrentDictionary<string, AWSCredentials> ProfileCredentials = new ConcurrentDictionary<string, AWSCredentials>();

        private readonly Func<string, string?> environment;

        public CredentialLadder(Func<string, string?> environment)
        {
            this.environment = environment;
        }

        /// <summary>Settles the credentials, or throws NoCredentials naming every rung tried. Makes no network call.</summary>
        public void Resolve(ConnectionRequest request, StoredCredentials stored, ResolvedConnection result)
        {
            var tried = new List<string>();

            // 1. -AccessKey / -SecretKey [/ -SessionToken]
            if (!string.IsNullOrEmpty(request.AccessKey) || !string.IsNullOrEmpty(request.SecretKey) || !string.IsNullOrEmpty(request.SessionToken))
            {
                if (string.IsNullOrEmpty(request.AccessKey) || string.IsNullOrEmpty(request.SecretKey))
                {
                    throw new IRStepsConfigurationException(ErrorIds.InvalidCredentials,
                        "-AccessKey and -SecretKey go together (with -SessionToken for temporary credentials): give both, or none of the three.");
                }

                UseKeys(result, request.AccessKey, request.SecretKey, request.SessionToken, "the -AccessKey and -SecretKey parameters");
                return;
            }

            // 2. -Credential: an AWSCredentials object of any copy of AWSSDK.Core (or AWS.Tools' wrapper of one).
            if (request.Credential != null)
            {
                AWSCredentials credentials = ForeignCredentials.FromObject(request.Credential)
                    ?? ForeignCredentials.FromObject(ForeignCredentials.ReadMember(request.Credential, "Credentials"))
                    ?? throw new IRStepsConfigurationException(ErrorIds.InvalidCredentials,
                        "-Credential takes an Amazon.Runtime.AWSCredentials object (for example from New-AWSCredential or Get-AWSCredential); got a " +
                        request.Credential.GetType().FullName + ". For a profile, use -ProfileName.");
                UseObject(result, credentials, request.Credential, "the -Credential parameter");
                return;
            }

            // 3. -ProfileName [-ProfileLocation]: a name that is not found is an error, never a fallback.
            if (!string.IsNullOrEmpty(request.ProfileName))
            {
                UseProfile(request.ProfileName, "-ProfileName", request, result, required: true);
                return;
            }

            // 4. $StoredAWSCredentials, as Set-AWSCredential leaves it (or a profile name).
            if (stored.Credentials != null)
            {
                UseObject(result, stored.Credentials, stored.Identity!, "$StoredAWSCredentials (Set-AWSCredential" + (stored.Name != null ? ", '" + stored.Name + "'" : string.Empty) + ")");
                return;
            }

            if (stored.IsProfileName)
            {
                UseProfile(stored.ProfileName, "$StoredAWSCredentials", request, result, required: true);
                return;
            }

            tried.Add(stored.Present ? "$StoredAWSCredentials (set, but holding no credentials: " + stored.Describe + ")" : "$StoredAWSCredentials (not set)");

            // 5. AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY (or the legacy AWS_SECRET_KEY) / AWS_SESSION_TOKEN
            string? accessKey = environment("AWS_ACCESS_KEY_ID");
            string? secretKey = ConnectionSettings.FirstSet(environment("AWS_SECRET_ACCESS_KEY"), environment("AWS_SECRET_KEY"));
            if (!string.IsNullOrEmpty(accessKey) && !string.IsNullOrEmpty(secretKey))
            {
                UseKeys(result, accessKey, secretKey, environment("AWS_SESSION_TOKEN"), "the environment (AWS_ACCESS_KEY_ID and " +
                    (string.IsNullOrEmpty(environment("AWS_SECRET_ACCESS_KEY")) ? "AWS_SECRET_KEY" : "AWS_SECRET_ACCESS_KEY") + ")");
                return;
            }

            tried.Add("AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY" + (string.IsNullOrEmpty(accessKey) && string.IsNullOrEmpty(secretKey)
                ? " (not set)" : " (only " + (string.IsNullOrEmpty(accessKey) ? "the secret key" : "AWS_ACCESS_KEY_ID") + " is set)"));

            // 6. AWS_PROFILE: like -ProfileName, a profile that is not there is an error.
            string? envProfile = environment("AWS_PROFILE");
            if (!string.IsNullOrEmpty(envProfile))
            {
                UseProfile(envProfile, "AWS_PROFILE", request, result, required: true);
                return;
            }

            tried.Add("AWS_PROFILE (not set)");

            // 7. The default profile, when it holds credentials (often it holds only a region).
            if (UseProfile(ConnectionSettings.DefaultProfile, "the default profile", request, result, required: false)) return;
            tried.Add("the 'default' profile in " + result.Files.Describe() + " (" + (ConnectionSettings.LookUp(ConnectionSettings.DefaultProfile, result.Files) == null ? "not there" : "no credentials in it") + ")");

            // 8. Container credentials, then the instance profile.
            if (!string.IsNullOrEmpty(environment("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI")) || !string.IsNullOrEmpty(environment("AWS_CONTAINER_CREDENTIALS_FULL_URI")))
            {
                result.Credentials = new GenericContainerCredentials();
                result.CredentialSource = "container credentials (AWS_CONTAINER_CREDENTIALS_" + (string.IsNullOrEmpty(environment("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI")) ? "FULL_URI" : "RELATIVE_URI") + ")";
                result.CredentialKey = "container";
                return;
            }

            tried.Add("container credentials (AWS_CONTAINER_CREDENTIALS_RELATIVE_URI and _FULL_URI not set)");
            if (!ConnectionSettings.IsTrue(environment("AWS_EC2_METADATA_DISABLED")))
            {
                try
                {
                    result.Credentials = new InstanceProfileAWSCredentials();
                    result.CredentialSource = "the EC2 instance profile (instance metadata)";
                    result.CredentialKey = "instance";
                    return;
                }
                catch (Exception exception)
                {
                    tried.Add("the EC2 instance profile (" + ConnectionSettings.Reason(exception) + ")");
                }
            }
            else
            {
                tried.Add("the EC2 instance profile (AWS_EC2_METADATA_DISABLED is true)");
            }

            throw new IRStepsConfigurationException(ErrorIds.NoCredentials,
                "No credentials specified or obtained from persisted/shell defaults. Tried, in order: -AccessKey/-SecretKey, -Credential, -ProfileName (none given); " +
                string.Join("; ", tried) + ". " +
                "To fix it: pass -ProfileName (a profile in " + result.Files.Describe() + "), -Credential, or -AccessKey with -SecretKey; " +
                "or run Set-AWSCredential; or set $env:AWS_PROFILE, or $env:AWS_ACCESS_KEY_ID with $env:AWS_SECRET_ACCESS_KEY; " +
                "or create a default profile ('aws configure', or 'aws sso login' for an SSO profile).");
        }

        /// <returns>Whether the profile gave credentials (false only when not required and absent or without credentials).</returns>
        private bool UseProfile(string? name, string via, ConnectionRequest request, ResolvedConnection result, bool required)
        {
            ProfileFiles files = result.Files;
            ICredentialProfileSource store = files.Store();
            if (!store.TryGetProfile(name, out CredentialProfile profile))
            {
                if (!required) return false;
                throw new IRStepsConfigurationException(ErrorIds.ProfileNotFound,
                    "The profile '" + name + "' (named by " + via + ") was not found in " + files.Describe() + ". " +
                    "It is not used in place of another: check the name (Get-Content '" + files.ConfigFile + "' lists the [profile ...] sections), " +
                    "create it ('aws configure --profile " + name + "'), or pass -ProfileLocation for a credentials file elsewhere.");
            }

            if (!profile.CanCreateAWSCredentials)
            {
                if (!required) return false;
                throw new IRStepsConfigurationException(ErrorIds.InvalidCredentials,
                    "The profile '" + name + "' (named by " + via + ") in " + files.Describe() + " holds no credentials: it needs aws_access_key_id and " +
                    "aws_secret_access_key, role_arn with source_profile or credential_source, sso_session (or sso_start_url), or credential_process.");
            }

            string cacheKey = name + "|" + files.Location + "|" + files.Stamp();
            AWSCredentials credentials = ProfileCredentials.GetOrAdd(cacheKey, _ =>
            {
                try
                {
                    return AWSCredentialsFactory.GetAWSCredentials(profile, store);
                }
                catch (Exception exception)
                {
                    throw new IRStepsConfigurationException(ErrorIds.InvalidCredentials,
                        "The profile '" + name + "' (named by " + via + ") could not give credentials: " + ConnectionSettings.Reason(exception) + ".", exception);
                }
            });

            if (credentials is AssumeRoleAWSCredentials assumeRole && !string.IsNullOrEmpty(assumeRole.Options?.MfaSerialNumber))
            {
                // Set on every use: the cached credentials refresh through the command running now.
                string prompt = "Enter MFA code for " + assumeRole.Options!.MfaSerialNumber + ": ";
                Func<string, string?>? read = request.ReadMfaCode;
                assumeRole.Options.MfaTokenCodeCallback = () =>
                {
                    if (read == null) throw new InvalidOperationException("the profile asks for an MFA code (mfa_serial) and this command cannot prompt for one.");
                    string? code = read(prompt);
                    string? trimmed = code?.Trim();
                    if (string.IsNullOrEmpty(trimmed)) throw new InvalidOperationException("no MFA code was entered.");
                    return trimmed!;
                };
            }

            result.Credentials = credentials;
            result.CredentialSource = "profile '" + name + "' (" + KindOf(credentials) + ", named by " + via + ")";
            result.CredentialKey = "profile:" + cacheKey;
            return true;
        }

        /// <summary>
        /// Gets the keys once, now, so that a profile that cannot give any (an expired SSO login, a role that
        /// cannot be assumed, a failing credential_process, no MFA code) stops the command with a clear message
        /// before any request; an MFA prompt then happens on the calling thread. Cached credentials answer at once.
        /// </summary>
        public static ImmutableCredentials ProveCredentials(ResolvedConnection resolved)
        {
            try
            {
                ImmutableCredentials keys = resolved.Credentials.GetCredentials();
                if (keys == null || string.IsNullOrEmpty(keys.AccessKey) || string.IsNullOrEmpty(keys.SecretKey))
                {
                    throw new AmazonClientException("no access key or secret key was returned.");
                }

                return keys;
            }
            catch (Exception exception) when (!(exception is IRStepsConfigurationException))
            {
                throw new IRStepsConfigurationException(ErrorIds.InvalidCredentials, WhyNoKeys(resolved, ConnectionSettings.Reason(exception)), exception);
            }
        }

        private static void UseKeys(ResolvedConnection result, string? accessKey, string? secretKey, string? sessionToken, string source)
        {
            result.Credentials = string.IsNullOrEmpty(sessionToken)
                ? (AWSCredentials)new BasicAWSCredentials(accessKey, secretKey)
                : new SessionAWSCredentials(accessKey, secretKey, sessionToken);
            result.CredentialSource = source + (string.IsNullOrEmpty(sessionToken) ? string.Empty : " with a session token");
            result.CredentialKey = "keys:" + Hash(accessKey + "\n" + secretKey + "\n" + sessionToken);
        }

        private static void UseObject(ResolvedConnection result, AWSCredentials credentials, object identity, string source)
        {
            result.Credentials = credentials;
            result.CredentialSource = source + ": " + (credentials is ForeignCredentials foreign ? foreign.SourceType : credentials.GetType().FullName);
            result.CredentialKey = "object:" + ForeignCredentials.IdentityOf(identity);
        }

        /// <summary>What kind of profile credentials these are, for -Verbose.</summary>
        private static string KindOf(AWSCredentials credentials)
        {
            switch (credentials)
            {
                case AssumeRoleAWSCredentials role: return "assume-role of " + role.RoleArn + (string.IsNullOrEmpty(role.Options?.MfaSerialNumber) ? string.Empty : " with MFA");
                case SSOAWSCredentials sso: return "AWS SSO, account " + sso.AccountId + ", role " + sso.RoleName;
                case ProcessAWSCredentials _: return "credential_process";
                case SessionAWSCredentials _: return "session keys";
                case BasicAWSCredentials _: return "static keys";
                default: return credentials.GetType().Name;
            }
        }

        private static string WhyNoKeys(ResolvedConnection resolved, string reason)
        {
            string profile = ProfileNameOf(resolved.CredentialKey);
            switch (resolved.Credentials)
            {
                case SSOAWSCredentials sso:
                    bool tokenProblem = reason.IndexOf("SSO Token", StringComparison.OrdinalIgnoreCase) >= 0 || reason.IndexOf("token", StringComparison.OrdinalIgnoreCase) >= 0;
                    return (tokenProblem
                               ? "The AWS SSO (IAM Identity Center) login for profile '" + profile + "' has expired or was never made (" + reason + "). "
                               : "AWS SSO gave no role credentials for profile '" + profile + "' (account " + sso.AccountId + ", role " + sso.RoleName + "): " + reason + ". ") +
                           "Run 'aws sso login --profile " + profile + "', then run the command again.";
                case AssumeRoleAWSCredentials role:
                    return "The profile '" + profile + "' could not assume the role " + role.RoleArn + ": " + reason + "." +
                           (string.IsNullOrEmpty(role.Options?.MfaSerialNumber) ? string.Empty
                               : " The profile asks for an MFA code (mfa_serial " + role.Options!.MfaSerialNumber + "): run the command in an interactive session and enter the code when asked.");
                case ProcessAWSCredentials _:
                    return "The credential_process of profile '" + profile + "' gave no credentials: " + reason + ". Run the command it names by hand to see why.";
                case ForeignCredentials foreign:
                    return "The credentials object " + foreign.SourceType + " from " + resolved.CredentialSource.Split(':')[0] + " gave no keys: " + reason + ".";
                case GenericContainerCredentials _:
                    return "The container credentials (" + resolved.CredentialSource + ") could not be fetched: " + reason + ".";
                case InstanceProfileAWSCredentials _:
                    return "No credentials were found in the usual places, and the EC2 instance profile gave none: " + reason +
                           ". Pass -ProfileName or -Credential, set AWS_PROFILE or AWS_ACCESS_KEY_ID, or set AWS_EC2_METADATA_DISABLED=true off EC2.";
                default:
                    return "The credentials from " + resolved.CredentialSource + " could not be used: " + reason + ".";
            }
        }

        private static string ProfileNameOf(string? credentialKey)
        {
            // "profile:<name>|<location>|<stamp>"
            if (credentialKey == null || !credentialKey.StartsWith("profile:", StringComparison.Ordinal)) return "?";
            string rest = credentialKey.Substring("profile:".Length);
            int bar = rest.IndexOf('|');
            return bar < 0 ? rest : rest.Substring(0, bar);
        }

        /// <summary>An access key shown the way the AWS console shows it: the last four characters.</summary>
        public static string Mask(string accessKey) =>
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
