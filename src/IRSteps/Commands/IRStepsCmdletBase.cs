using System;
using System.Management.Automation;
using System.Threading;
using IRSteps.Errors;
using IRSteps.Services;

namespace IRSteps.Commands
{
    /// <summary>
    /// What every cmdlet that calls AWS shares: the AWS.Tools credential, region and endpoint parameters,
    /// a cancellation token that Ctrl+C (StopProcessing) cancels, and the conversion of the core's
    /// exceptions into ErrorRecords.
    /// </summary>
    public abstract class IRStepsCmdletBase : PSCmdlet, IDisposable
    {
        private readonly CancellationTokenSource cancellation = new CancellationTokenSource();
        private IRecommenderService service;
        private string serviceKey;

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("RegionToCall")]
        public string Region { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("AK")]
        public string AccessKey { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("SK", "SecretAccessKey")]
        public string SecretKey { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("ST")]
        public string SessionToken { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("StoredCredentials", "AWSProfileName")]
        public string ProfileName { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("AWSProfilesLocation", "ProfilesLocation")]
        public string ProfileLocation { get; set; }

        /// <summary>An Amazon.Runtime.AWSCredentials object (from any copy of AWSSDK.Core).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public PSObject Credential { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string EndpointUrl { get; set; }

        /// <summary>Cancelled when the user presses Ctrl+C; every network call takes it.</summary>
        protected CancellationToken CancellationToken => cancellation.Token;

        protected override void StopProcessing()
        {
            cancellation.Cancel();
        }

        /// <summary>The service for the parameters bound now; reused while they stay the same.</summary>
        protected IRecommenderService GetService()
        {
            ConnectionRequest request = BuildConnectionRequest();
            string key = request.Describe() + "|" + (request.SecretKey ?? string.Empty).GetHashCode() + "|" + RuntimeIdentity(Credential);
            if (service != null && key == serviceKey) return service;

            service?.Dispose();
            service = EngineLoader.Factory.Create(request);
            serviceKey = key;
            return service;
        }

        private ConnectionRequest BuildConnectionRequest()
        {
            return new ConnectionRequest
            {
                Region = Region,
                AccessKey = AccessKey,
                SecretKey = SecretKey,
                SessionToken = SessionToken,
                ProfileName = ProfileName,
                ProfileLocation = ProfileLocation,
                Credential = Credential?.BaseObject,
                EndpointUrl = EndpointUrl,
                StoredCredentials = Unwrap(SessionState.PSVariable.GetValue("StoredAWSCredentials")),
                StoredRegion = Unwrap(SessionState.PSVariable.GetValue("StoredAWSRegion"))?.ToString(),
                Verbose = WriteVerbose,
                Debug = WriteDebug,
            };
        }

        private static object Unwrap(object value) => value is PSObject wrapped ? wrapped.BaseObject : value;

        private static string RuntimeIdentity(object value) =>
            value == null ? string.Empty : System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(Unwrap(value)).ToString();

        /// <summary>A failure of this item only: the pipeline goes on with the next.</summary>
        protected void WriteItemError(Exception exception, object target)
        {
            WriteError(ErrorRecordFactory.FromException(exception, target));
        }

        /// <summary>A failure of the whole command (no credentials, no region, module not loadable).</summary>
        protected void ThrowCommandError(Exception exception, object target)
        {
            ThrowTerminatingError(ErrorRecordFactory.FromException(exception, target));
        }

        public void Dispose()
        {
            service?.Dispose();
            cancellation.Dispose();
        }
    }
}
