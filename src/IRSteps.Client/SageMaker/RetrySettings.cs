using System;
using Amazon.Runtime;
using Amazon.Runtime.CredentialManagement;
using Amazon.Runtime.Credentials;
using Amazon.Runtime.Internal;

namespace IRSteps.Client.SageMaker
{
    /// <summary>
    /// The retry mode and attempts a client uses, read when the client is built: AWS_RETRY_MODE and
    /// AWS_MAX_ATTEMPTS first, then retry_mode and max_attempts of the profile in use, else the SDK's
    /// defaults (standard, 3 attempts). Core reads the same settings, but only once per process and only
    /// from AWS_PROFILE or the default profile; a module session outlives both ($env: changes, -ProfileName).
    /// Parsing stays Core's (its environment and profile configuration readers).
    /// </summary>
    internal sealed class RetrySettings
    {
        private RetrySettings(RequestRetryMode mode, string modeSource, int maxAttempts, string attemptsSource)
        {
            Mode = mode;
            ModeSource = modeSource;
            MaxAttempts = maxAttempts;
            AttemptsSource = attemptsSource;
        }

        public RequestRetryMode Mode { get; }

        /// <summary>Attempts in all, the first one included.</summary>
        public int MaxAttempts { get; }

        /// <summary>Where the mode and the attempts came from, for -Debug.</summary>
        public string ModeSource { get; }
        public string AttemptsSource { get; }

        /// <param name="profileName">The profile whose settings apply, or null (then AWS_PROFILE or 'default').</param>
        /// <param name="store">Where that profile is read from (the resolver's files), or null for the SDK's default store.</param>
        public static RetrySettings Read(string? profileName, ICredentialProfileSource? store)
        {
            var environment = new EnvironmentVariableInternalConfiguration();
            string profile = string.IsNullOrEmpty(profileName) ? DefaultAWSCredentialsIdentityResolver.GetProfileName() : profileName!;
            var fromProfile = new ProfileInternalConfiguration(store ?? new CredentialProfileStoreChain(), profile);

            var (mode, modeSource) = FirstGiven(RequestRetryMode.Standard,
                (environment.RetryMode, "AWS_RETRY_MODE"), (fromProfile.RetryMode, "retry_mode of profile '" + profile + "'"));
            var (attempts, attemptsSource) = FirstGiven(3,
                (environment.MaxAttempts, "AWS_MAX_ATTEMPTS"), (fromProfile.MaxAttempts, "max_attempts of profile '" + profile + "'"));
            return new RetrySettings(mode, modeSource, Math.Max(1, attempts), attemptsSource);
        }

        /// <summary>The first setting given, with where it came from; else the SDK's default.</summary>
        private static (T Value, string Source) FirstGiven<T>(T sdkDefault, params (T? Value, string Source)[] settings)
            where T : struct
        {
            foreach ((T? value, string source) in settings)
            {
                if (value.HasValue) return (value.Value, source);
            }

            return (sdkDefault, "the SDK's default");
        }

        public void ApplyTo(ClientConfig config)
        {
            config.RetryMode = Mode;
            config.MaxErrorRetry = MaxAttempts - 1;
        }

        public override string ToString() =>
            Mode.ToString().ToLowerInvariant() + " mode (" + ModeSource + "), at most " + MaxAttempts + " attempt" + (MaxAttempts == 1 ? string.Empty : "s") +
            " per request (" + AttemptsSource + ")";
    }
}
