using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using IRSteps.Completion;
using IRSteps.Contract;
using IRSteps.Errors;
using IRSteps.Model;
using IRSteps.Paging;
using IRSteps.Validation;

namespace IRSteps.Commands
{
    /// <summary>
    /// Get-IRJobStep: the benchmark steps of Inference Recommender jobs (ListInferenceRecommendationsJobSteps),
    /// every page followed and each page written as it arrives.
    /// </summary>
    /// <remarks>
    /// Piped job names are read concurrently, up to -ThrottleLimit jobs at once, each on a background task
    /// (<see cref="PagePrefetcher{T}"/>). Output stays what a one-by-one read gives: job by job in the order
    /// the names arrived, each job's steps in page order, its error (non-terminating, the job name as target)
    /// in its place. Only the pipeline thread writes: the job being written streams its pages as they arrive
    /// (its next page is requested once a page's first object is written, so the first object comes before
    /// the second request), while the jobs behind it read up to <see cref="ReadAheadPages"/> pages ahead.
    /// -First/-Skip count on the pipeline thread, so they are exact; once -First is satisfied every read in
    /// flight is cancelled, as on Ctrl+C.
    /// </remarks>
    [Cmdlet(VerbsCommon.Get, "IRJobStep", SupportsPaging = true)]
    [OutputType(typeof(InferenceRecommendationsJobStep))]
    public sealed class GetIRJobStepCommand : IRStepsCmdletBase
    {
        /// <summary>The variable that receives the next page's token under -NoAutoIteration.</summary>
        public const string DefaultNextTokenVariable = "IRStepsNextToken";

        /// <summary>
        /// Jobs read at once by default. Piped jobs are mostly a page or two, so their time is round trips:
        /// 4 in flight cuts that by about 4 while staying far below SageMaker's request rate limits (a burst of
        /// 4 List calls), and the SDK's retries absorb a throttle. 1 reads one job after another.
        /// </summary>
        public const int DefaultThrottleLimit = 4;

        /// <summary>Pages a job waiting for its turn may read ahead (bounds memory to ThrottleLimit x this many pages).</summary>
        public const int ReadAheadPages = 4;

        /// <summary>
        /// Steps written between two gen0 collections. A step costs about 2.5 KB of short-lived allocations; the
        /// GC sizes its gen0 budget from the CPU cache, and on a machine that reports a large one (300 MiB L3 on
        /// the benchmark VM) it let a 100,000-step stream touch 90+ MB before its first collection, though
        /// nothing is kept. Collecting gen0 every few MB keeps the working set flat (bench/ Memory); the cost is
        /// a sub-millisecond collection of what is mostly garbage.
        /// </summary>
        private const int StepsPerCollection = 2048;

        private readonly Queue<JobRead> inFlight = new Queue<JobRead>();
        private PagingWindow window;
        private int stepsSinceCollection;
        private IDisposable progress;

        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(JobNameCompleter))]
        public string JobName { get; set; }

        // Not bound by property name: a job piped in (Get-IRJob -StatusEqual FAILED | Get-IRJobStep) has a Status
        // of its own, which would silently filter its steps by the job's status.
        [Parameter]
        [ArgumentCompleter(typeof(StepStatusCompleter))]
        public string Status { get; set; }

        [Parameter]
        [ArgumentCompleter(typeof(StepTypeCompleter))]
        public string StepType { get; set; }

        [Parameter]
        [Alias("MaxResults")]
        [ValidateRange(1, 100)]
        public int? MaxResult { get; set; }

        [Parameter]
        public string NextToken { get; set; }

        [Parameter]
        public SwitchParameter NoAutoIteration { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string NextTokenVariable { get; set; } = DefaultNextTokenVariable;

        /// <summary>How many piped jobs are read at once; 1 reads them one after another.</summary>
        [Parameter]
        [ValidateRange(1, 32)]
        public int ThrottleLimit { get; set; } = DefaultThrottleLimit;

        protected override void BeginProcessing()
        {
            window = new PagingWindow(PagingParameters);
            progress = TrackListingProgress();
        }

        protected override void ProcessRecord()
        {
            string jobName = JobName;
            try
            {
                if (!JobNames.IsValid(jobName))
                {
                    // Queued, so that it comes after the output of the jobs before it.
                    inFlight.Enqueue(new JobRead(jobName, ErrorRecordFactory.InvalidArgument(ErrorIds.InvalidJobName, JobNames.Problem(jobName), jobName)));
                }
                else if (!ServiceValues.StepStatus.TryNormalize(nameof(Status), Status, out string status, out string problem) ||
                         !ServiceValues.StepType.TryNormalize(nameof(StepType), StepType, out string stepType, out problem))
                {
                    inFlight.Enqueue(new JobRead(jobName, ErrorRecordFactory.InvalidArgument(ErrorIds.InvalidParameter, problem, jobName)));
                }
                else if (!window.Satisfied)
                {
                    IRecommenderClient client;
                    try
                    {
                        client = GetClient();
                    }
                    catch (IRStepsConfigurationException exception)
                    {
                        WriteAll();
                        ThrowCommandError(exception, jobName);
                        return;
                    }

                    inFlight.Enqueue(StartJob(client, jobName, status, stepType));
                }

                while (inFlight.Count >= ThrottleLimit || (inFlight.Count > 0 && inFlight.Peek().Pages == null))
                {
                    WriteHead(wait: true);
                }

                while (inFlight.Count > 0 && WriteHead(wait: false))
                {
                }
            }
            catch (OperationCanceledException) when (CancellationToken.IsCancellationRequested)
            {
                // Ctrl+C: PowerShell stops the pipeline; the reads in flight are cancelled with the token.
            }
        }

        protected override void EndProcessing()
        {
            try
            {
                WriteAll();
            }
            catch (OperationCanceledException) when (CancellationToken.IsCancellationRequested)
            {
            }

            progress.Dispose();
        }

        private void WriteAll()
        {
            while (inFlight.Count > 0)
            {
                WriteHead(wait: true);
            }
        }

        /// <summary>Starts reading one job's steps on a background task, with this record's parameters (filters as checked).</summary>
        private JobRead StartJob(IRecommenderClient client, string jobName, string status, string stepType)
        {
            var template = new ListInferenceRecommendationsJobStepsRequest
            {
                JobName = jobName,
                Status = status,
                StepType = stepType,
                MaxResults = MaxResult,
            };
            var reader = new PageReader<InferenceRecommendationsJobStep>(
                (token, cancellationToken) => FetchAsync(client, template, token, cancellationToken),
                "the steps of job '" + jobName + "'",
                NextToken);

            // The job written first asks for its second page only after its first object is out; the jobs behind it read ahead.
            int window = inFlight.Count == 0 ? 1 : ReadAheadPages;
            var pages = new PagePrefetcher<InferenceRecommendationsJobStep>(reader, window, NoAutoIteration ? 1 : 0, CancellationToken);
            pages.Start();
            return new JobRead(jobName, pages);
        }

        /// <summary>
        /// Writes the first job's pages: all of them (waiting), or those already read. True when the job is
        /// finished and removed (or -First is satisfied and every job abandoned).
        /// </summary>
        private bool WriteHead(bool wait)
        {
            JobRead job = inFlight.Peek();
            if (job.Pages == null)
            {
                inFlight.Dequeue();
                WriteError(job.Refusal);
                return true;
            }

            while (true)
            {
                PrefetchedPage<InferenceRecommendationsJobStep> page;
                try
                {
                    if (wait)
                    {
                        page = Await(job.Pages.TakeAsync(CancellationToken));
                    }
                    else if (!job.Pages.TryTake(out page))
                    {
                        return false;
                    }
                }
                catch (IRStepsServiceException exception)
                {
                    Finish(job);
                    exception.Operation = exception.Operation ?? "ListInferenceRecommendationsJobSteps";
                    WriteItemError(exception, job.JobName);
                    return true;
                }

                if (page == null)
                {
                    Finish(job);
                    return true;
                }

                WritePage(job, page);
                if (window.Satisfied)
                {
                    AbandonAll();
                    return true;
                }
            }
        }

        private void WritePage(JobRead job, PrefetchedPage<InferenceRecommendationsJobStep> page)
        {
            // Its -Verbose line was written when the request ended (the cmdlet base's request reports).
            IReadOnlyList<InferenceRecommendationsJobStep> items = page.Page.Items;

            // No page is requested that -First does not need; otherwise the next one is asked for once this
            // page's first object is written, and read while the rest are.
            bool nextRequested = NoAutoIteration;
            if (!nextRequested && window.SatisfiedAfter(items.Count))
            {
                job.Pages.Stop();
                nextRequested = true;
            }

            foreach (InferenceRecommendationsJobStep step in items)
            {
                if (window.Admit()) WriteObject(step);
                else if (window.Satisfied) break;
                if (!nextRequested)
                {
                    job.Pages.RequestNextPage();
                    nextRequested = true;
                }
            }

            if (!nextRequested) job.Pages.RequestNextPage();

            stepsSinceCollection += items.Count;
            if (stepsSinceCollection >= StepsPerCollection)
            {
                stepsSinceCollection = 0;
                GC.Collect(0, GCCollectionMode.Forced, blocking: true);
            }

            if (NoAutoIteration)
            {
                SessionState.PSVariable.Set(NextTokenVariable, page.NextToken);
                if (page.NextToken != null)
                {
                    WriteVerbose("More steps remain: the next page's token is in $" + NextTokenVariable + "; pass it to -NextToken.");
                }
            }
        }

        private static async Task<Page<InferenceRecommendationsJobStep>> FetchAsync(
            IRecommenderClient client, ListInferenceRecommendationsJobStepsRequest template, string token, CancellationToken cancellationToken)
        {
            var request = new ListInferenceRecommendationsJobStepsRequest
            {
                JobName = template.JobName,
                Status = template.Status,
                StepType = template.StepType,
                MaxResults = template.MaxResults,
                NextToken = token,
            };
            ListInferenceRecommendationsJobStepsResponse response =
                await client.ListInferenceRecommendationsJobStepsAsync(request, cancellationToken).ConfigureAwait(false);
            return new Page<InferenceRecommendationsJobStep>(response.Steps, response.NextToken, response.RequestId);
        }

        private void Finish(JobRead job)
        {
            inFlight.Dequeue();
            job.Pages.Dispose();
        }

        /// <summary>-First is satisfied: every read still in flight is cancelled and its steps dropped.</summary>
        private void AbandonAll()
        {
            while (inFlight.Count > 0)
            {
                inFlight.Dequeue().Pages?.Dispose();
            }
        }

        /// <summary>One piped job: its reader, or the error of input refused before any request (name, filters).</summary>
        private sealed class JobRead
        {
            public JobRead(string jobName, PagePrefetcher<InferenceRecommendationsJobStep> pages)
            {
                JobName = jobName;
                Pages = pages;
            }

            public JobRead(string jobName, ErrorRecord refusal)
            {
                JobName = jobName;
                Refusal = refusal;
            }

            public string JobName { get; }
            public PagePrefetcher<InferenceRecommendationsJobStep> Pages { get; }
            public ErrorRecord Refusal { get; }
        }
    }
}
