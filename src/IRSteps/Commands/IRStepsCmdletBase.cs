using System;
using System.Diagnostics.CodeAnalysis;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using IRSteps.Completion;
using IRSteps.Contract;
using IRSteps.Errors;
using IRSteps.Loading;
using IRSteps.Session;
using IRSteps.Streams;
using IRSteps.Validation;

namespace IRSteps.Commands
{
    /// <summary>
    /// What every cmdlet that calls AWS shares: the AWS.Tools credential, region and endpoint parameters; the hook
    /// a cmdlet implements (<see cref="ProcessRecordCore"/>, <see cref="EndProcessingCore"/>), run so that Ctrl+C ends
    /// it quietly; the client for the parameters bound now (<see cref="Client"/>); waiting on a call while the client's
    /// messages are written (<see cref="Await{T}"/>); and the conversion of the core's exceptions into ErrorRecords.
    /// </summary>
    public abstract class IRStepsCmdletBase : PSCmdlet, IDisposable
    {
        private readonly CancellationTokenSource cancellation = new CancellationTokenSource();
        private MessagePump? messages;
        private ClientSession? session;
        private bool disposed;

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("RegionToCall")]
        [ArgumentCompleter(typeof(RegionCompleter))]
        public string? Region { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("AK")]
        public string? AccessKey { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("SK", "SecretAccessKey")]
        public string? SecretKey { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("ST")]
        public string? SessionToken { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("StoredCredentials", "AWSProfileName")]
        [ArgumentCompleter(typeof(ProfileNameCompleter))]
        public string? ProfileName { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("AWSProfilesLocation", "ProfilesLocation")]
        public string? ProfileLocation { get; set; }

        /// <summary>An Amazon.Runtime.AWSCredentials object (from any copy of AWSSDK.Core).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public PSObject? Credential { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? EndpointUrl { get; set; }

        /// <summary>
        /// How long one request may take, its retries and back-offs included, before it is abandoned with a
        /// RequestTimeout error. Default 60 seconds.
        /// </summary>
        [Parameter]
        [ValidateRange(1, 86400)]
        public int? TimeoutSec { get; set; }

        /// <summary>Cancelled when the user presses Ctrl+C; every network call takes it.</summary>
        protected CancellationToken CancellationToken => cancellation.Token;

        /// <summary>The client's messages on their way to this command's streams (made on the pipeline thread).</summary>
        private protected MessagePump Messages => messages ?? (messages = new MessagePump(this, CancellationToken));

        /// <summary>One input record: check it, take the client with <see cref="Client"/>, call it through <see cref="Await{T}"/>, write.</summary>
        protected abstract void ProcessRecordCore();

        /// <summary>After the last input record; nothing by default.</summary>
        protected virtual void EndProcessingCore()
        {
        }

        protected sealed override void ProcessRecord() => UntilStopped(ProcessRecordCore);

        protected sealed override void EndProcessing() => UntilStopped(EndProcessingCore);

        protected override void StopProcessing()
        {
            cancellation.Cancel();
        }

        /// <summary>
        /// Ctrl+C cancels every call in flight with the token: what such a call throws ends the hook quietly, and
        /// PowerShell stops the pipeline (Ctrl+C is not an error of the command).
        /// </summary>
        private void UntilStopped(Action hook)
        {
            try
            {
                hook();
            }
            catch (OperationCanceledException) when (CancellationToken.IsCancellationRequested)
            {
            }
        }

        /// <summary>
        /// The client for the connection parameters bound now, reused while they stay the same. When credentials, region
        /// or endpoint cannot be settled no job could succeed: a terminating error with <paramref name="target"/>, after
        /// <paramref name="beforeStopping"/> (for output still owed to earlier input).
        /// </summary>
        protected IRecommenderClient Client(object? target, Action? beforeStopping = null)
        {
            ConnectionRequest request = BuildConnectionRequest();

            // Said before anything is resolved or sent, so it shows even when the request never leaves.
            string? warning = EndpointSafety.PlainHttpWarning(EndpointUrl);
            if (warning != null) WriteWarning(warning);

            try
            {
                return (session ?? (session = new ClientSession(Messages, CancellationToken))).For(request);
            }
            catch (IRStepsConfigurationException exception)
            {
                beforeStopping?.Invoke();
                ThrowCommandError(exception, target);
                throw; // not reached: ThrowTerminatingError never returns
            }
        }

        /// <summary>Waits for a call on the pipeline thread, writing the client's messages as they come. Throws what the task threw.</summary>
        protected T Await<T>(Task<T> task) => Messages.Await(task);

        private ConnectionRequest BuildConnectionRequest()
        {
            var request = new ConnectionRequest
            {
                Region = Region,
                AccessKey = AccessKey,
                SecretKey = SecretKey,
                SessionToken = SessionToken,
                ProfileName = ProfileName,
                ProfileLocation = ProfileLocation,
                Credential = PSValue.Unwrap(Credential),
                EndpointUrl = EndpointUrl,
                RequestTimeout = TimeoutSec.HasValue ? TimeSpan.FromSeconds(TimeoutSec.Value) : (TimeSpan?)null,
                // The client may call these on any thread: queued, and written from the pipeline thread.
                Verbose = Messages.Verbose,
                Debug = Messages.Debug,
                ReadMfaCode = Messages.ReadMfaCode,
            };
            return request.WithSessionDefaults(SessionState.PSVariable.GetValue);
        }

        /// <summary>True when the job name keeps the service's rule; else false, with InvalidJobName written for this item only.</summary>
        protected bool AcceptJobName([NotNullWhen(true)] string? jobName)
        {
            ErrorRecord? refusal = JobNames.Refusal(jobName);
            if (refusal != null) WriteError(refusal);
            return refusal == null;
        }

        /// <summary>A failure of this item only: the pipeline goes on with the next.</summary>
        protected void WriteItemError(Exception exception, object? target)
        {
            WriteError(ErrorRecordFactory.FromException(exception, target));
        }

        /// <summary>A failure of the whole command (no credentials, no region, module not loadable).</summary>
        protected void ThrowCommandError(Exception exception, object? target)
        {
            ThrowTerminatingError(ErrorRecordFactory.FromException(exception, target));
        }

        public void Dispose()
        {
            if (disposed) return;
            disposed = true;

            // Whatever is still in flight (reads abandoned by a pipeline that ended early) stops now.
            cancellation.Cancel();
            session?.Dispose();
            cancellation.Dispose();
        }
    }
}
