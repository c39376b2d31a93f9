using System;
using System.Threading.Tasks;
using System.Collections.Generic;
using System.IO;
using System.Runtime.Loader;
using Amazon.Runtime;
using IRSteps.Client;
using IRSteps.Client.Connection;
using IRSteps.Client.SageMaker;
using IRSteps.Contract;
using IRSteps.Errors;
using Xunit;

namespace IRSteps.Tests
{
    /// <summary>
    /// The credential, region and endpoint ladders without PowerShell or network: an environment of our own
    /// (the resolver reads it through a function) and profile files in a temporary folder. The endpoint a client
    /// would call comes from the SDK's own resolution over the config the factory builds.
    /// </summary>
    public sealed class ConnectionResolverTests : IDisposable
    {
        private readonly string folder = Path.Combine(Path.GetTempPath(), "irsteps-resolver-" + Guid.NewGuid().ToString("N"));
        private readonly Dictionary<string, string> environment = new Dictionary<string, string>();

        public ConnectionResolverTests()
        {
            Directory.CreateDirectory(folder);
            environment["AWS_SHARED_CREDENTIALS_FILE"] = Path.Combine(folder, "credentials");
            environment["AWS_EC2_METADATA_DISABLED"] = "true";
            environment["HOME"] = folder;
        }

        public void Dispose()
        {
            try
            {
                Directory.Delete(folder, true);
            }
            catch (IOException)
            {
            }
        }

        private ResolvedConnection Resolve(ConnectionRequest request = null) =>
            new ConnectionResolver(name => environment.TryGetValue(name, out string value) ? value : null).Resolve(request ?? new ConnectionRequest());

        private void Files(string credentials = "", string config = "")
        {
            File.WriteAllText(Path.Combine(folder, "credentials"), credentials);
            File.WriteAllText(Path.Combine(folder, "config"), config);
        }

        private static string Keys(string accessKey) => "aws_access_key_id = " + accessKey + "\naws_secret_access_key = secret-of-" + accessKey + "\n";

        private static string AccessKeyOf(ResolvedConnection resolved) => CredentialLadder.ProveCredentials(resolved).AccessKey;

        private static IRStepsConfigurationException Fails(Action action) => Assert.Throws<IRStepsConfigurationException>(action);

        private static string EndpointOf(ResolvedConnection resolved)
        {
            SageMakerConfig config = RecommenderClientFactory.BuildConfig(resolved, TimeSpan.FromSeconds(5));
            EndpointLadder.SettleEndpoint(resolved, config.ServiceURL);
            return RecommenderClientFactory.EndpointOf(config);
        }

        /// <summary>Every rung set from the given one down; the given one must win.</summary>
        [Theory]
        [InlineData(1, "AKIDPARAM")]
        [InlineData(2, "AKIDOBJECT")]
        [InlineData(3, "AKIDNAMED")]
        [InlineData(4, "AKIDSTORED")]
        [InlineData(5, "AKIDENV")]
        [InlineData(6, "AKIDAWSPROFILE")]
        [InlineData(7, "AKIDDEFAULT")]
        public void The_first_credential_rung_that_is_set_wins(int rung, string expected)
        {
            Files("[named]\n" + Keys("AKIDNAMED") + "[stored]\n" + Keys("AKIDSTORED") + "[fromenv]\n" + Keys("AKIDAWSPROFILE") + "[default]\n" + Keys("AKIDDEFAULT"));
            var request = new ConnectionRequest { Region = "us-east-1" };
            if (rung <= 1) { request.AccessKey = "AKIDPARAM"; request.SecretKey = "s"; }
            if (rung <= 2) request.Credential = new BasicAWSCredentials("AKIDOBJECT", "s");
            if (rung <= 3) request.ProfileName = "named";
            if (rung <= 4) request.StoredCredentials = "stored";
            if (rung <= 5) { environment["AWS_ACCESS_KEY_ID"] = "AKIDENV"; environment["AWS_SECRET_ACCESS_KEY"] = "s"; }
            if (rung <= 6) environment["AWS_PROFILE"] = "fromenv";

            Assert.Equal(expected, AccessKeyOf(Resolve(request)));
        }

        [Fact]
        public void Session_tokens_come_with_the_keys_and_the_legacy_secret_variable_is_read()
        {
            ImmutableCredentials fromParameters = CredentialLadder.ProveCredentials(Resolve(new ConnectionRequest { Region = "us-east-1", AccessKey = "AKIDP", SecretKey = "s", SessionToken = "t1" }));
            environment["AWS_ACCESS_KEY_ID"] = "AKIDLEGACY";
            environment["AWS_SECRET_KEY"] = "legacy-secret";
            environment["AWS_SESSION_TOKEN"] = "t2";
            ResolvedConnection fromEnvironment = Resolve(new ConnectionRequest { Region = "us-east-1" });

            Assert.Equal("t1", fromParameters.Token);
            Assert.Equal("legacy-secret", CredentialLadder.ProveCredentials(fromEnvironment).SecretKey);
            Assert.Equal("t2", CredentialLadder.ProveCredentials(fromEnvironment).Token);
            Assert.Contains("AWS_SECRET_KEY", fromEnvironment.CredentialSource);
        }

        [Fact]
        public async Task Credentials_of_another_AWSSDK_Core_copy_are_read_through_their_own_GetCredentials()
        {
            // The same AWSSDK.Core file in another load context is another type, as AWS.Tools' copy is on PowerShell 7.
            var context = new AssemblyLoadContext("other-core", isCollectible: true);
            try
            {
                Type otherType = context.LoadFromAssemblyPath(typeof(AWSCredentials).Assembly.Location).GetType("Amazon.Runtime.SessionAWSCredentials", true);
                object theirs = Activator.CreateInstance(otherType, "AKIDTHEIRS", "their-secret", "their-token");
                Assert.False(theirs is AWSCredentials);

                ResolvedConnection viaParameter = Resolve(new ConnectionRequest { Region = "us-east-1", Credential = theirs });
                ResolvedConnection viaStored = Resolve(new ConnectionRequest { Region = "us-east-1", StoredCredentials = new AWSPSCredentials(theirs, "Supplied Key Parameters", CredentialsSource.Strings) });

                foreach (ResolvedConnection resolved in new[] { viaParameter, viaStored })
                {
                    ImmutableCredentials keys = CredentialLadder.ProveCredentials(resolved);
                    Assert.Equal(("AKIDTHEIRS", "their-secret", "their-token"), (keys.AccessKey, keys.SecretKey, keys.Token));
                    Assert.IsType<ForeignCredentials>(resolved.Credentials);
                    Assert.Equal((await resolved.Credentials.GetCredentialsAsync()).AccessKey, keys.AccessKey);
                }

                Assert.Contains("$StoredAWSCredentials (Set-AWSCredential, 'Supplied Key Parameters')", viaStored.CredentialSource);
            }
            finally
            {
                context.Unload();
            }
        }

        [Fact]
        public void Distinct_credential_objects_never_share_a_client_key()
        {
            ResolvedConnection first = Resolve(new ConnectionRequest { Region = "us-east-1", Credential = new BasicAWSCredentials("AKIDA", "s") });
            ResolvedConnection second = Resolve(new ConnectionRequest { Region = "us-east-1", Credential = new BasicAWSCredentials("AKIDA", "s") });
            var shared = new BasicAWSCredentials("AKIDB", "s");

            Assert.NotEqual(first.CredentialKey, second.CredentialKey);
            Assert.Equal(Resolve(new ConnectionRequest { Region = "us-east-1", Credential = shared }).CredentialKey, Resolve(new ConnectionRequest { Region = "us-east-1", Credential = shared }).CredentialKey);
        }

        [Fact]
        public void A_stored_wrapper_from_a_profile_makes_that_profile_the_one_in_use()
        {
            Files(config: "[profile team]\nregion = eu-west-3\n");

            ResolvedConnection resolved = Resolve(new ConnectionRequest { StoredCredentials = new AWSPSCredentials(new BasicAWSCredentials("AKIDW", "s"), "team", CredentialsSource.Profile) });

            Assert.Equal("team", resolved.ProfileName);
            Assert.Equal("eu-west-3", resolved.Region);
            Assert.Equal("AKIDW", AccessKeyOf(resolved));
        }

        [Theory]
        [InlineData("-ProfileName")]
        [InlineData("AWS_PROFILE")]
        [InlineData("$StoredAWSCredentials")]
        public void A_named_profile_that_is_missing_is_an_error_never_a_fallback(string namedBy)
        {
            Files("[default]\n" + Keys("AKIDDEFAULT"));
            environment["AWS_ACCESS_KEY_ID"] = "AKIDENV";
            environment["AWS_SECRET_ACCESS_KEY"] = "s";
            var request = new ConnectionRequest { Region = "us-east-1" };
            if (namedBy == "-ProfileName") request.ProfileName = "typo";
            if (namedBy == "$StoredAWSCredentials") request.StoredCredentials = "typo";
            if (namedBy == "AWS_PROFILE") { environment.Remove("AWS_ACCESS_KEY_ID"); environment["AWS_PROFILE"] = "typo"; }

            IRStepsConfigurationException error = Fails(() => Resolve(request));

            Assert.Equal(ErrorIds.ProfileNotFound, error.ErrorId);
            Assert.Contains("'typo' (named by " + namedBy + ")", error.Message);
        }

        [Fact]
        public void A_default_profile_with_only_a_region_is_passed_over_and_the_message_lists_every_rung()
        {
            Files(config: "[default]\nregion = eu-west-1\n");

            IRStepsConfigurationException error = Fails(() => Resolve());

            Assert.Equal(ErrorIds.NoCredentials, error.ErrorId);
            Assert.StartsWith("No credentials specified or obtained from persisted/shell defaults.", error.Message);
            foreach (string part in new[] { "$StoredAWSCredentials (not set)", "AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (not set)", "AWS_PROFILE (not set)",
                         "'default' profile", "(no credentials in it)", "container credentials", "AWS_EC2_METADATA_DISABLED is true", "Set-AWSCredential", "aws configure" })
            {
                Assert.Contains(part, error.Message);
            }
        }

        [Fact]
        public void Only_half_of_the_environment_keys_is_named_as_such()
        {
            environment["AWS_ACCESS_KEY_ID"] = "AKIDHALF";

            Assert.Contains("(only AWS_ACCESS_KEY_ID is set)", Fails(() => Resolve()).Message);
        }

        [Fact]
        public void Profiles_that_cannot_give_keys_fail_up_front_with_the_fix()
        {
            Files(config: "[profile broken]\ncredential_process = " + Path.Combine(folder, "no-such-program") + "\n" +
                          "[profile sso]\nsso_session = corp\nsso_account_id = 123456789012\nsso_role_name = Reader\n" +
                          "[sso-session corp]\nsso_start_url = https://corp.awsapps.com/start\nsso_region = us-east-1\n");

            IRStepsConfigurationException process = Fails(() => CredentialLadder.ProveCredentials(Resolve(new ConnectionRequest { Region = "us-east-1", ProfileName = "broken" })));
            IRStepsConfigurationException sso = Fails(() => CredentialLadder.ProveCredentials(Resolve(new ConnectionRequest { Region = "us-east-1", ProfileName = "sso" })));

            Assert.Equal(ErrorIds.InvalidCredentials, process.ErrorId);
            Assert.Contains("credential_process of profile 'broken'", process.Message);
            Assert.Equal(ErrorIds.InvalidCredentials, sso.ErrorId);
            Assert.Contains("Run 'aws sso login --profile sso'", sso.Message);
        }

        [Fact]
        public void The_MFA_callback_of_an_assume_role_profile_asks_the_command()
        {
            Files("[base]\n" + Keys("AKIDBASE"), "[profile guarded]\nrole_arn = arn:aws:iam::123456789012:role/r\nsource_profile = base\nmfa_serial = arn:aws:iam::123456789012:mfa/me\n");
            string asked = null;

            ResolvedConnection resolved = Resolve(new ConnectionRequest { Region = "us-east-1", ProfileName = "guarded", ReadMfaCode = prompt => { asked = prompt; return " 123456 "; } });

            var role = Assert.IsType<AssumeRoleAWSCredentials>(resolved.Credentials);
            Assert.Equal("123456", role.Options.MfaTokenCodeCallback());
            Assert.Equal("Enter MFA code for arn:aws:iam::123456789012:mfa/me: ", asked);
            Assert.Contains("with MFA", resolved.CredentialSource);
        }

        /// <summary>Every rung set from the given one down; the given one must win.</summary>
        [Theory]
        [InlineData(1, "ca-central-1", "the -Region parameter")]
        [InlineData(2, "eu-north-1", "$StoredAWSRegion (Set-DefaultAWSRegion)")]
        [InlineData(3, "us-west-2", "the environment (AWS_REGION)")]
        [InlineData(4, "us-east-2", "the environment (AWS_DEFAULT_REGION)")]
        [InlineData(5, "eu-west-3", "profile 'named'")]
        [InlineData(6, "ap-southeast-2", "the default profile")]
        public void The_first_region_rung_that_is_set_wins(int rung, string expected, string source)
        {
            Files("[named]\n" + Keys("AKIDNAMED") + "[plain]\n" + Keys("AKIDPLAIN"), "[default]\nregion = ap-southeast-2\n[profile named]\nregion = eu-west-3\n");
            var request = new ConnectionRequest { ProfileName = rung <= 5 ? "named" : "plain" };
            if (rung <= 1) request.Region = "ca-central-1";
            if (rung <= 2) request.StoredRegion = "eu-north-1";
            if (rung <= 3) environment["AWS_REGION"] = "us-west-2";
            if (rung <= 4) environment["AWS_DEFAULT_REGION"] = "us-east-2";

            ResolvedConnection resolved = Resolve(request);

            Assert.Equal(expected, resolved.Region);
            Assert.Equal(source, resolved.RegionSource);
        }

        [Fact]
        public void The_AWS_PROFILE_profile_gives_its_region_to_environment_keys()
        {
            Files(config: "[default]\nregion = ap-southeast-2\n[profile dev]\nregion = sa-east-1\n");
            environment["AWS_ACCESS_KEY_ID"] = "AKIDENV";
            environment["AWS_SECRET_ACCESS_KEY"] = "s";
            environment["AWS_PROFILE"] = "dev";

            ResolvedConnection resolved = Resolve();

            Assert.Equal(("sa-east-1", "profile 'dev'"), (resolved.Region, resolved.RegionSource));
            Assert.Contains("AWS_ACCESS_KEY_ID", resolved.CredentialSource);
        }

        [Fact]
        public void No_region_lists_what_was_tried_and_how_to_fix_it()
        {
            Files("[default]\n" + Keys("AKIDDEFAULT"));

            IRStepsConfigurationException error = Fails(() => Resolve());

            Assert.Equal(ErrorIds.NoRegion, error.ErrorId);
            foreach (string part in new[] { "-Region", "$StoredAWSRegion", "AWS_REGION", "AWS_DEFAULT_REGION", "'default' profile", "Set-DefaultAWSRegion", "region = us-east-1" })
            {
                Assert.Contains(part, error.Message);
            }
        }

        [Theory]
        [InlineData("us east 1")]
        [InlineData("us_east_1")]
        [InlineData("-us-east-1")]
        public void A_region_that_is_not_a_host_label_is_refused(string region)
        {
            Assert.Equal(ErrorIds.InvalidRegion, Fails(() => Resolve(new ConnectionRequest { Region = region, AccessKey = "AKID", SecretKey = "s" })).ErrorId);
        }

        [Fact]
        public void A_FIPS_pseudo_region_means_the_region_with_FIPS()
        {
            ResolvedConnection resolved = Resolve(new ConnectionRequest { Region = "us-east-1-fips", AccessKey = "AKID", SecretKey = "s" });

            Assert.Equal("us-east-1", resolved.Region);
            Assert.Equal("https://api-fips.sagemaker.us-east-1.amazonaws.com/", EndpointOf(resolved));
        }

        [Theory]
        [InlineData("AWS_USE_FIPS_ENDPOINT", null, "https://api-fips.sagemaker.us-east-1.amazonaws.com/")]
        [InlineData("AWS_USE_DUALSTACK_ENDPOINT", null, "https://api.sagemaker.us-east-1.api.aws/")]
        [InlineData(null, "use_fips_endpoint = true", "https://api-fips.sagemaker.us-east-1.amazonaws.com/")]
        [InlineData(null, "use_dualstack_endpoint = true", "https://api.sagemaker.us-east-1.api.aws/")]
        [InlineData(null, "use_fips_endpoint = true\nuse_dualstack_endpoint = true", "https://api.sagemaker-fips.us-east-1.api.aws/")]
        [InlineData("AWS_USE_FIPS_ENDPOINT", "use_fips_endpoint = false", "https://api-fips.sagemaker.us-east-1.amazonaws.com/")]
        public void FIPS_and_dual_stack_come_from_the_environment_then_the_profile(string variable, string profileLines, string expected)
        {
            Files(config: "[default]\n" + profileLines + "\n");
            if (variable != null) environment[variable] = "true";

            Assert.Equal(expected, EndpointOf(Resolve(new ConnectionRequest { Region = "us-east-1", AccessKey = "AKID", SecretKey = "s" })));
        }

        [Fact]
        public void The_endpoint_ladder_takes_the_first_configured_endpoint()
        {
            Files("[team]\n" + Keys("AKIDTEAM"), "[profile team]\nendpoint_url = http://127.0.0.1:4000\n[profile split]\nendpoint_url = http://127.0.0.1:4000\nservices = mine\n[services mine]\nsagemaker =\n  endpoint_url = http://127.0.0.1:5000\n");
            var request = new ConnectionRequest { Region = "us-east-1", AccessKey = "AKID", SecretKey = "s", ProfileName = "team" };

            Assert.Equal("http://127.0.0.1:4000/", EndpointOf(Resolve(request)));
            request.ProfileName = "split";
            Assert.Equal("http://127.0.0.1:5000/", EndpointOf(Resolve(request)));
            environment["AWS_ENDPOINT_URL"] = "http://127.0.0.1:3000";
            Assert.Equal("http://127.0.0.1:3000/", EndpointOf(Resolve(request)));
            environment["AWS_ENDPOINT_URL_SAGEMAKER"] = "http://127.0.0.1:2000";
            Assert.Equal("http://127.0.0.1:2000/", EndpointOf(Resolve(request)));
            request.EndpointUrl = "http://127.0.0.1:1000";
            ResolvedConnection explicitEndpoint = Resolve(request);
            Assert.Equal("http://127.0.0.1:1000/", EndpointOf(explicitEndpoint));
            Assert.Equal("the -EndpointUrl parameter", explicitEndpoint.EndpointSource);
        }

        [Fact]
        public void Ignoring_configured_endpoints_keeps_only_the_parameter()
        {
            Files(config: "[default]\nendpoint_url = http://127.0.0.1:4000\n");
            environment["AWS_ENDPOINT_URL_SAGEMAKER"] = "http://127.0.0.1:2000";
            environment["AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"] = "true";
            var request = new ConnectionRequest { Region = "eu-west-1", AccessKey = "AKID", SecretKey = "s" };

            ResolvedConnection ignored = Resolve(request);
            Assert.Equal("https://api.sagemaker.eu-west-1.amazonaws.com/", EndpointOf(ignored));
            Assert.Contains("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", ignored.EndpointSource);
            request.EndpointUrl = "http://127.0.0.1:1000";
            Assert.Equal("http://127.0.0.1:1000/", EndpointOf(Resolve(request)));
        }

        [Fact]
        public void A_profile_endpoint_is_named_as_such()
        {
            Files(config: "[default]\nendpoint_url = http://127.0.0.1:4000\n");

            ResolvedConnection resolved = Resolve(new ConnectionRequest { Region = "us-east-1", AccessKey = "AKID", SecretKey = "s" });
            EndpointOf(resolved);

            Assert.Equal("endpoint_url of profile 'default'", resolved.EndpointSource);
        }

        [Fact]
        public void FIPS_with_a_custom_endpoint_is_refused_naming_both_sources()
        {
            environment["AWS_USE_FIPS_ENDPOINT"] = "true";
            environment["AWS_ENDPOINT_URL_SAGEMAKER"] = "http://127.0.0.1:2000";

            IRStepsConfigurationException error = Fails(() => Resolve(new ConnectionRequest { Region = "us-east-1", AccessKey = "AKID", SecretKey = "s" }));

            Assert.Equal(ErrorIds.InvalidEndpoint, error.ErrorId);
            Assert.Contains("FIPS (from the environment (AWS_USE_FIPS_ENDPOINT))", error.Message);
            Assert.Contains("AWS_ENDPOINT_URL_SAGEMAKER", error.Message);
        }

        [Fact]
        public void With_an_endpoint_override_the_region_is_the_signing_scope()
        {
            ResolvedConnection resolved = Resolve(new ConnectionRequest { Region = "ap-south-1", AccessKey = "AKID", SecretKey = "s", EndpointUrl = "http://127.0.0.1:9000" });
            SageMakerConfig config = RecommenderClientFactory.BuildConfig(resolved, TimeSpan.FromSeconds(5));

            Assert.Equal("ap-south-1", config.AuthenticationRegion);
            Assert.Equal("sagemaker", config.AuthenticationServiceName);
        }

        [Fact]
        public void Profile_files_follow_the_environment_on_every_call()
        {
            Files("[default]\n" + Keys("AKIDFIRST"));
            Assert.Equal("AKIDFIRST", AccessKeyOf(Resolve(new ConnectionRequest { Region = "us-east-1" })));

            string other = Path.Combine(folder, "other");
            Directory.CreateDirectory(other);
            File.WriteAllText(Path.Combine(other, "credentials"), "[default]\n" + Keys("AKIDSECOND"));
            environment["AWS_SHARED_CREDENTIALS_FILE"] = Path.Combine(other, "credentials");
            Assert.Equal("AKIDSECOND", AccessKeyOf(Resolve(new ConnectionRequest { Region = "us-east-1" })));

            environment.Remove("AWS_SHARED_CREDENTIALS_FILE");
            Directory.CreateDirectory(Path.Combine(folder, ".aws"));
            File.WriteAllText(Path.Combine(folder, ".aws", "credentials"), "[default]\n" + Keys("AKIDHOME"));
            Assert.Equal("AKIDHOME", AccessKeyOf(Resolve(new ConnectionRequest { Region = "us-east-1" })));
        }

        [Theory]
        [InlineData("AKIDEXAMPLE123", "**********E123")]
        [InlineData("ABC", "****")]
        public void Access_keys_are_shown_by_their_last_four_characters(string key, string shown)
        {
            Assert.Equal(shown, CredentialLadder.Mask(key));
        }

        /// <summary>AWS.Tools' AWSPSCredentials, shape for shape: what Set-AWSCredential leaves in $StoredAWSCredentials.</summary>
        private sealed class AWSPSCredentials
        {
            internal AWSPSCredentials(object credentials, string name, CredentialsSource source)
            {
                Credentials = credentials;
                Name = name;
                Source = source;
            }

            internal object Credentials { get; private set; }
            internal string Name { get; private set; }
            internal CredentialsSource Source { get; private set; }

            public override string ToString() => Name;
        }

        private enum CredentialsSource
        {
            Strings,
            Profile,
        }
    }
}
