using System;
using System.Collections.Concurrent;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;

namespace IRSteps.Streams
{
    /// <summary>
    /// The client's messages on their way to PowerShell. The client speaks from any thread (an SDK thread for each
    /// retry or credential refresh): -Verbose and -Debug lines, request reports, MFA questions. Only the pipeline
    /// thread may write to the streams or prompt, so they queue here, and the pipeline thread writes them while it
    /// waits on a call (<see cref="Await{T}"/>) and whenever it is told to (<see cref="Flush"/>).
    /// </summary>
    internal sealed class MessagePump
    {
        private readonly PSCmdlet cmdlet;
        private readonly ConcurrentQueue<Message> messages = new ConcurrentQueue<Message>();
        private readonly CancellationToken cancellationToken;
        private readonly int pipelineThreadId;
        private volatile bool pumping;
        private ListingProgress? listingProgress;

        /// <summary>Made on the pipeline thread, for the command that writes.</summary>
        /// <param name="cancellationToken">Ctrl+C: ends the wait for an MFA answer.</param>
        public MessagePump(PSCmdlet cmdlet, CancellationToken cancellationToken)
        {
            this.cmdlet = cmdlet;
            this.cancellationToken = cancellationToken;
            pipelineThreadId = Thread.CurrentThread.ManagedThreadId;
        }

        /// <summary>A -Verbose line; from any thread.</summary>
        public void Verbose(string text) => messages.Enqueue(new Message(false, text));

        /// <summary>A -Debug line; from any thread.</summary>
        public void Debug(string text) => messages.Enqueue(new Message(true, text));

        /// <summary>A request that starts or ends (its -Verbose line, and listing progress); from any thread.</summary>
        public void Report(RequestReport report) => messages.Enqueue(new Message(report));

        /// <summary>
        /// The client asks for an MFA code while it gets assume-role credentials: on the pipeline thread we prompt
        /// at once; from an SDK thread (a refresh during a call) the question waits for the pipeline thread's pump.
        /// </summary>
        public string? ReadMfaCode(string prompt)
        {
            if (Thread.CurrentThread.ManagedThreadId == pipelineThreadId) return PromptForCode(prompt);
            if (!pumping) throw new InvalidOperationException("an MFA code is needed while no command is waiting on AWS; run the command again.");

            var question = new Question(prompt);
            messages.Enqueue(new Message(question));
            return question.Wait(cancellationToken);
        }

        /// <summary>Waits for a call on the pipeline thread, writing the messages as they come. Throws what the task threw.</summary>
        public T Await<T>(Task<T> task)
        {
            WaitFor(task);
            return task.GetAwaiter().GetResult();
        }

        /// <summary>Waits until the task is done (however it ends), writing the messages as they come.</summary>
        public void WaitFor(Task task)
        {
            var handle = ((IAsyncResult)task).AsyncWaitHandle;
            pumping = true;
            try
            {
                while (!handle.WaitOne(50))
                {
                    Flush();
                    listingProgress?.Tick();
                }
            }
            finally
            {
                pumping = false;
            }

            Flush();
        }

        /// <summary>Writes the queued messages; call only on the pipeline thread.</summary>
        public void Flush()
        {
            while (messages.TryDequeue(out Message message))
            {
                if (message.Question != null)
                {
                    Question question = message.Question;
                    question.Answer(() => PromptForCode(question.Prompt));
                }
                else if (message.Report != null)
                {
                    if (!message.Report.IsStart) cmdlet.WriteVerbose(message.Report.ToString());
                    listingProgress?.Add(message.Report);
                }
                else if (message.IsDebug)
                {
                    cmdlet.WriteDebug(message.Text);
                }
                else
                {
                    cmdlet.WriteVerbose(message.Text);
                }
            }
        }

        /// <summary>
        /// Until the returned object is disposed, each listing the command's requests read (a job's steps, the jobs)
        /// gets a progress bar once it has run for about a second: pages and items so far; a quick listing shows none.
        /// </summary>
        public IDisposable TrackListingProgress()
        {
            listingProgress = new ListingProgress(cmdlet, () => listingProgress = null);
            return listingProgress;
        }

        private string? PromptForCode(string prompt)
        {
            cmdlet.Host.UI.Write(prompt);
            return cmdlet.Host.UI.ReadLine();
        }

        private readonly struct Message
        {
            public Message(bool isDebug, string text)
            {
                IsDebug = isDebug;
                Text = text;
                Question = null;
                Report = null;
            }

            public Message(Question question)
            {
                IsDebug = false;
                Text = null;
                Question = question;
                Report = null;
            }

            public Message(RequestReport report)
            {
                IsDebug = false;
                Text = null;
                Question = null;
                Report = report;
            }

            public bool IsDebug { get; }
            public string? Text { get; }
            public Question? Question { get; }
            public RequestReport? Report { get; }
        }

        /// <summary>A prompt asked from a client thread and answered on the pipeline thread.</summary>
        private sealed class Question
        {
            private readonly ManualResetEventSlim answered = new ManualResetEventSlim(false);
            private string? answer;
            private Exception? error;

            public Question(string prompt)
            {
                Prompt = prompt;
            }

            public string Prompt { get; }

            public void Answer(Func<string?> ask)
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

            public string? Wait(CancellationToken cancellationToken)
            {
                answered.Wait(cancellationToken);
                if (error != null) throw new InvalidOperationException(error.Message, error);
                return answer;
            }
        }
    }
}
