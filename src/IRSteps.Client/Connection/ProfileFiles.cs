using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using Amazon.Runtime.CredentialManagement;

namespace IRSteps.Client.Connection
{
    /// <summary>
    /// The shared credentials and config files as the environment names them now. AWSSDK.Core reads
    /// AWS_SHARED_CREDENTIALS_FILE, AWS_CONFIG_FILE and HOME once per process, in a static constructor, and
    /// falls back to HOME when a named file did not exist yet at that moment; a PowerShell session changes
    /// them (and creates the files) while it runs. So we work the paths out on every call, the CLI's way
    /// (an environment variable wins even before its file exists), and hand them to the SDK's profile store.
    /// </summary>
    internal sealed class ProfileFiles
    {
        private static readonly object Gate = new object();
        private static readonly MethodInfo? SetDefaultFilePath = typeof(SharedCredentialsFile).GetProperty(nameof(SharedCredentialsFile.DefaultFilePath))?.GetSetMethod(true);
        private static readonly MethodInfo? SetDefaultConfigFilePath = typeof(SharedCredentialsFile).GetProperty(nameof(SharedCredentialsFile.DefaultConfigFilePath))?.GetSetMethod(true);

        private ProfileFiles(string credentialsFile, string configFile, string? location)
        {
            CredentialsFile = credentialsFile;
            ConfigFile = configFile;
            Location = location;
        }

        /// <summary>The credentials file: -ProfileLocation, else AWS_SHARED_CREDENTIALS_FILE, else ~/.aws/credentials.</summary>
        public string CredentialsFile { get; }

        /// <summary>The config file: AWS_CONFIG_FILE, else 'config' beside the credentials file (the SDK's rule).</summary>
        public string ConfigFile { get; }

        /// <summary>-ProfileLocation as given, or null.</summary>
        public string? Location { get; }

        public static ProfileFiles For(string? profileLocation, Func<string, string?> environment)
        {
            string home = ConnectionSettings.FirstSet(environment("HOME"), environment("USERPROFILE"), Directory.GetCurrentDirectory())!;
            string credentials = ConnectionSettings.FirstSet(profileLocation, environment("AWS_SHARED_CREDENTIALS_FILE"), Path.Combine(home, ".aws", "credentials"))!;
            string config = ConnectionSettings.FirstSet(environment("AWS_CONFIG_FILE"), Path.Combine(Path.GetDirectoryName(credentials) ?? home, "config"))!;
            return new ProfileFiles(credentials, config, string.IsNullOrEmpty(profileLocation) ? null : profileLocation);
        }

        /// <summary>
        /// The SDK's profile store over these files (and, without -ProfileLocation, the encrypted SDK store first
        /// where the platform has one). Also leaves the SDK's default paths pointing here, for the lookups the SDK
        /// makes by itself later (source_profile, sso-session, services sections, the client's endpoint_url).
        /// </summary>
        public CredentialProfileStoreChain Store()
        {
            lock (Gate)
            {
                if (!string.Equals(SharedCredentialsFile.DefaultFilePath, CredentialsFile, StringComparison.Ordinal))
                {
                    SetDefaultFilePath?.Invoke(null, new object[] { CredentialsFile });
                }

                if (!string.Equals(SharedCredentialsFile.DefaultConfigFilePath, ConfigFile, StringComparison.Ordinal))
                {
                    SetDefaultConfigFilePath?.Invoke(null, new object[] { ConfigFile });
                }
            }

            return Location == null ? new CredentialProfileStoreChain() : new CredentialProfileStoreChain(Location);
        }

        public bool TryGetProfile(string name, out CredentialProfile profile) => Store().TryGetProfile(name, out profile);

        /// <summary>Every profile a -ProfileName could name here (the SDK store first where there is one), by name.</summary>
        public IReadOnlyList<CredentialProfile> ListProfiles()
        {
            return Store().ListProfiles()
                .GroupBy(profile => profile.Name, StringComparer.Ordinal)
                .Select(same => same.First())
                .OrderBy(profile => profile.Name, StringComparer.OrdinalIgnoreCase)
                .ToList();
        }

        /// <summary>What a profile holds, in words, for a tooltip: never a key, a token or a secret.</summary>
        public static string Summarize(CredentialProfile profile)
        {
            CredentialProfileOptions options = profile.Options;
            string kind;
            if (!string.IsNullOrEmpty(options.SsoSession)) kind = "SSO, sso_session " + options.SsoSession;
            else if (!string.IsNullOrEmpty(options.SsoStartUrl)) kind = "SSO";
            else if (!string.IsNullOrEmpty(options.RoleArn)) kind = "role " + options.RoleArn + (string.IsNullOrEmpty(options.MfaSerial) ? string.Empty : " with MFA");
            else if (!string.IsNullOrEmpty(options.CredentialProcess)) kind = "credential_process";
            else if (!string.IsNullOrEmpty(options.WebIdentityTokenFile)) kind = "web identity";
            else if (!string.IsNullOrEmpty(options.AccessKey) && !string.IsNullOrEmpty(options.Token)) kind = "keys with a session token";
            else if (!string.IsNullOrEmpty(options.AccessKey)) kind = "static keys";
            else kind = "no credentials";
            return profile.Region == null ? kind : kind + ", region " + profile.Region.SystemName;
        }

        /// <summary>Where a profile was looked for, in words.</summary>
        public string Describe()
        {
            string files = "'" + CredentialsFile + "' and '" + ConfigFile + "'";
            return Location == null && Amazon.Runtime.Internal.Settings.UserCrypto.IsUserCryptAvailable ? "the SDK store, " + files : files;
        }

        /// <summary>Changes when either file is written, so that an edited profile is read again.</summary>
        public string Stamp()
        {
            var stamp = new StringBuilder();
            foreach (string path in new[] { CredentialsFile, ConfigFile })
            {
                stamp.Append(path).Append('@');
                try
                {
                    var file = new FileInfo(path);
                    stamp.Append(file.Exists ? file.LastWriteTimeUtc.Ticks + "/" + file.Length : "absent");
                }
                catch (IOException)
                {
                    // A file that cannot be read stamps as absent.
                }
                catch (UnauthorizedAccessException)
                {
                }

                stamp.Append(';');
            }

            return stamp.ToString();
        }
    }
}
