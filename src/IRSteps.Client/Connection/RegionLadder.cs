using System;
using System.Text.RegularExpressions;
using Amazon.Runtime.CredentialManagement;
using IRSteps.Contract;
using IRSteps.Errors;

namespace IRSteps.Client.Connection
{
    /// <summary>
    /// The AWS PowerShell rule for the region, first match wins: -Region; $StoredAWSRegion; AWS_REGION;
    /// AWS_DEFAULT_REGION; the profile in use; the default profile; instance metadata. Unlike AWS.Tools, a named
    /// profile's region is honoured.
    /// </summary>
    internal sealed class RegionLadder
    {
        // Host-label rule the SDK applies to a region (it throws on anything else when the client is built).
        private static readonly Regex RegionShape = new Regex("^[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant);

        private readonly Func<string, string?> environment;

        public RegionLadder(Func<string, string?> environment)
        {
            this.environment = environment;
        }

        /// <summary>Settles the region; <paramref name="settings"/> is the profile whose settings apply (null when absent).</summary>
        public void Resolve(ConnectionRequest request, ResolvedConnection result, CredentialProfile? settings)
        {
            if (Use(request.Region, "the -Region parameter")) return;
            if (Use(request.StoredRegion, "$StoredAWSRegion (Set-DefaultAWSRegion)")) return;
            if (Use(environment("AWS_REGION"), "the environment (AWS_REGION)")) return;
            if (Use(environment("AWS_DEFAULT_REGION"), "the environment (AWS_DEFAULT_REGION)")) return;
            if (settings != null && Use(settings.Region?.SystemName, "profile '" + settings.Name + "'")) return;
            if (result.ProfileName != ConnectionSettings.DefaultProfile && Use(ConnectionSettings.LookUp(ConnectionSettings.DefaultProfile, result.Files)?.Region?.SystemName, "the default profile")) return;

            bool metadataDisabled = ConnectionSettings.IsTrue(environment("AWS_EC2_METADATA_DISABLED"));
            if (!metadataDisabled && Use(InstanceRegion(), "EC2 instance metadata")) return;

            string profiles = result.ProfileName == ConnectionSettings.DefaultProfile
                ? "the region of the 'default' profile"
                : "the region of profile '" + result.ProfileName + "' and of the 'default' profile";
            throw new IRStepsConfigurationException(ErrorIds.NoRegion,
                "No region specified or obtained from persisted/shell defaults. Tried, in order: -Region, $StoredAWSRegion, AWS_REGION, AWS_DEFAULT_REGION, " +
                profiles + " (in " + result.Files.Describe() + "), " +
                (metadataDisabled ? "EC2 instance metadata (AWS_EC2_METADATA_DISABLED is true)" : "EC2 instance metadata") + ". " +
                "To fix it: pass -Region (for example -Region us-east-1), run Set-DefaultAWSRegion, set $env:AWS_REGION, " +
                "or add 'region = us-east-1' to the profile in '" + result.Files.ConfigFile + "'.");

            bool Use(string? value, string source)
            {
                string? region = value?.Trim().ToLowerInvariant();
                if (region == null || region.Length == 0) return false;
                if (!RegionShape.IsMatch(region))
                {
                    throw new IRStepsConfigurationException(ErrorIds.InvalidRegion,
                        "The region '" + value + "' from " + source + " is not a region name: use a system name such as us-east-1 or eu-west-2 (Get-AWSRegion lists them).");
                }

                // The SDK's FIPS pseudo-regions (fips-us-east-1, us-east-1-fips) mean the region plus FIPS.
                if (region.StartsWith("fips-", StringComparison.Ordinal) || region.EndsWith("-fips", StringComparison.Ordinal))
                {
                    result.UseFips = true;
                    result.FipsSource = "the FIPS pseudo-region '" + region + "' from " + source;
                    region = region.Replace("fips-", string.Empty).Replace("-fips", string.Empty);
                }

                result.Region = region;
                result.RegionSource = source;
                return true;
            }
        }

        private static string? InstanceRegion()
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
    }
}
