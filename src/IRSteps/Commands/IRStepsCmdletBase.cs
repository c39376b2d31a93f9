using System;
using System.Collections.Concurrent;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
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
        private readonly ConcurrentQueue<EngineMessage> messages = new ConcurrentQueue<EngineMessage>();
        private IRecommenderService service;
        private bool disposed;
        private string serviceKey;
        private int pipelineThreadId;
        private volatile bool pumping;
        private ListingProgress listingProgress;

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("RegionToCall")]
        [ArgumentCompleter(typeof(Completion.RegionCompleter))]
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
        [ArgumentCompleter(typeof(Completion.ProfileNameCompleter))]
        public string ProfileName { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("AWSProfilesLocation", "ProfilesLocation")]
        public string ProfileLocation { get; set; }

        /// <summary>An Amazon.Runtime.AWSCredentials object (from any copy of AWSSDK.Core).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public PSObject Credential { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string EndpointUrl { get; set; }

        /// <summary>
        /// How long one request may take, its retries and back-offs included, before it is abandoned with a
        /// RequestTimeout error. Default 60 seconds.
        /// </summary>
        [Parameter]
        [ValidateRange(1, 86400)]
        public int? TimeoutSec { get; set; }

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
            string key = request.Describe() + "|" + (request.SecretKey + "|" + request.SessionToken).GetHashCode() + "|" + RuntimeIdentity(Credential) + "|" + TimeoutSec;
            if (service != null && key == serviceKey) return service;

            // Said before anything is resolved or sent, so it shows even when the request never leaves.
            string warning = EndpointSafety.PlainHttpWarning(EndpointUrl);
            if (warning != null) WriteWarning(warning);

            service?.Dispose();
            try
            {
                // Every request any cmdlet makes reports itself the same way: one -Verbose line, and listing progress.
                service = new ObservedRecommenderService(Await(CreateEngineAsync(request)), report => messages.Enqueue(new EngineMessage(report)));
            }
            finally
            {
                FlushMessages();
            }

            serviceKey = key;
            return service;
        }

        /// <summary>
        /// Resolves the connection on a worker thread, so that Ctrl+C ends the command at once even while credentials
        /// are being fetched (a slow STS, SSO or credential_process call, which the SDK gives no token to); the
        /// pipeline thread pumps the engine's messages and any MFA prompt meanwhile. An engine whose creation is
        /// abandoned this way is disposed when it is done.
        /// </summary>
        private Task<IRecommenderService> CreateEngineAsync(ConnectionRequest request)
        {
            Task<IRecommenderService> creating = Task.Run(() => EngineLoader.Create(request));
            var outcome = new TaskCompletionSource<IRecommenderService>();
            CancellationTokenRegistration stop = CancellationToken.Register(() => outcome.TrySetException(new PipelineStoppedException()));
            creating.ContinueWith(done =>
            {
                stop.Dispose();
                if (done.IsFaulted) outcome.TrySetException(done.Exception.InnerExceptions);
                else if (done.IsCanceled) outcome.TrySetCanceled();
                else if (!outcome.TrySetResult(done.Result)) done.Result?.Dispose();
            }, TaskScheduler.Default);
            return outcome.Task;
        }

        /// <summary>
        /// The service, or a terminating error when credentials, region or endpoint cannot be settled
        /// (no job could succeed without them).
        /// </summary>
        protected IRecommenderService GetServiceOrThrow(object target)
        {
            try
            {
                return GetService();
            }
            catch (IRStepsConfigurationException exception)
            {
                ThrowCommandError(exception, target);
                return null;
            }
        }

        /// <summary>
        /// Waits for a call on the pipeline thread, writing the engine's verbose and debug messages (which
        /// arrive on SDK threads, e.g. for each retry) as they come. Throws what the task threw.
        /// </summary>
        protected T Await<T>(Task<T> task)
        {
            var handle = ((IAsyncResult)task).AsyncWaitHandle;
            pumping = true;
            try
            {
                while (!handle.WaitOne(50))
                {
                    FlushMessages();
                    listingProgress?.Tick();
                }
            }
            finally
            {
                pumping = false;
            }

            FlushMessages();
            return task.GetAwaiter().GetResult();
        }

        /// <summary>Writes the queued engine messages; call only on the pipeline thread.</summary>
        protected void FlushMessages()
        {
            while (messages.TryDequeue(out EngineMessage message))
            {
                if (message.Question != null)
                {
                    message.Question.Answer(() => PromptForCode(message.Question.Prompt));
                }
                else if (message.Report != null)
                {
                    if (!message.Report.IsStart) WriteVerbose(message.Report.ToString());
                    listingProgress?.Add(message.Report);
                }
                else if (message.IsDebug)
                {
                    WriteDebug(message.Text);
                }
                else
                {
                    WriteVerbose(message.Text);
                }
            }
        }

        /// <summary>
        /// Until the returned object is disposed, each listing the command's requests read (a job's steps, the jobs)
        /// gets a progress bar once it has run for about a second: pages and items so far; a quick listing shows none.
        /// </summary>
        protected IDisposable TrackListingProgress()
        {
            listingProgress = new ListingProgress(this, () => listingProgress = null);
            return listingProgress;
        }

        private ConnectionRequest BuildConnectionRequest()
        {
            pipelineThreadId = Thread.CurrentThread.ManagedThreadId;
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
                RequestTimeout = TimeoutSec.HasValue ? TimeSpan.FromSeconds(TimeoutSec.Value) : (TimeSpan?)null,
                StoredCredentials = Unwrap(SessionState.PSVariable.GetValue("StoredAWSCredentials")),
                StoredRegion = Unwrap(SessionState.PSVariable.GetValue("StoredAWSRegion"))?.ToString(),
                // The engine may call these on any thread: queue, and write from the pipeline thread.
                Verbose = text => messages.Enqueue(new EngineMessage(false, text)),
                Debug = text => messages.Enqueue(new EngineMessage(true, text)),
                ReadMfaCode = ReadMfaCode,
            };
        }

        /// <summary>
        /// The engine asks for an MFA code while it gets assume-role credentials: on the pipeline thread we prompt
        /// at once; from an SDK thread (a refresh during a call) the question waits for the pipeline thread's pump.
        /// </summary>
        private string ReadMfaCode(string prompt)
        {
            if (Thread.CurrentThread.ManagedThreadId == pipelineThreadId) return PromptForCode(prompt);
            if (!pumping) throw new InvalidOperationException("an MFA code is needed while no command is waiting on AWS; run the command again.");

            var question = new Question(prompt);
            messages.Enqueue(new EngineMessage(question));
            return question.Wait(CancellationToken);
        }

        private string PromptForCode(string prompt)
        {
            Host.UI.Write(prompt);
            return Host.UI.ReadLine();
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

        private readonly struct EngineMessage
        {
            public EngineMessage(bool isDebug, string text)
            {
                IsDebug = isDebug;
                Text = text;
                Question = null;
                Report = null;
            }

            public EngineMessage(Question question)
            {
                IsDebug = false;
                Text = null;
                Question = question;
                Report = null;
            }

            public EngineMessage(RequestReport report)
            {
                IsDebug = false;
                Text = null;
                Question = null;
                Report = report;
            }

            public bool IsDebug { get; }
            public string Text { get; }
            public Question Question { get; }
            public RequestReport Report { get; }
        }

        /// <summary>A prompt asked from an engine thread and answered on the pipeline thread.</summary>
        private sealed class Question
        {
            private readonly ManualResetEventSlim answered = new ManualResetEventSlim(false);
            private string answer;
            private Exception error;

            public Question(string prompt)
            {
                Prompt = prompt;
            }

            public string Prompt { get; }

            public void Answer(Func<string> ask)
            {
                try
                {
                    answer = ask();
                }
                catch (Exception exception)
                {
                    error = exception;
                }

                answered.Set();
            }

            public string Wait(CancellationToken cancellationToken)
            {
                answered.Wait(cancellationToken);
                if (error != null) throw new InvalidOperationException(error.Message, error);
                return answer;
            }
        }

        public void Dispose()
        {
            if (disposed) return;
            disposed = true;

            // Whatever is still in flight (reads abandoned by a pipeline that ended early) stops now.
            cancellation.Cancel();
            service?.Dispose();
            cancellation.Dispose();
        }
    }
}
