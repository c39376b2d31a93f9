using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Management.Automation;
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
    /// Piped job names are read concurrently, up to -ThrottleLimit jobs at once, and written in the order a one-by-one
    /// read gives (<see cref="OrderedReader{T}"/>): job by job in the order the names arrived, each job's steps in page
    /// order, its error (non-terminating, the job name as target) in its place. Only the pipeline thread writes.
    /// </remarks>
    [Cmdlet(VerbsCommon.Get, "IRJobStep", SupportsPaging = true)]
    [OutputType(typeof(InferenceRecommendationsJobStep))]
    public sealed class GetIRJobStepCommand : IRStepsCmdletBase
    {
        /// <summary>The variable that receives the next page's token under -NoAutoIteration.</summary>
        public const string DefaultNextTokenVariable = "IRStepsNextToken";

        /// <summary>
        /// Jobs read at once by default. Piped jobs are mostly a page or two, so their time is round trips: 4 in
        /// flight overlap them while staying far below SageMaker's request rate limits (a burst of 4 List calls),
        /// and the SDK's retries absorb a throttle. 1 reads one job after another.
        /// </summary>
        public const int DefaultThrottleLimit = 4;

        /// <summary>Pages a job waiting for its turn may read ahead (bounds memory to ThrottleLimit x this many pages).</summary>
        public const int ReadAheadPages = 4;

        private OrderedReader<InferenceRecommendationsJobStep> reader = null!; // set in BeginProcessing
        private IDisposable progress = null!; // set in BeginProcessing

        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(JobNameCompleter))]
        public string? JobName { get; set; }

        // Not bound by property name: a job piped in (Get-IRJob -StatusEqual FAILED | Get-IRJobStep) has a Status
        // of its own, which would silently filter its steps by the job's status.
        [Parameter]
        [ArgumentCompleter(typeof(StepStatusCompleter))]
        public string? Status { get; set; }

        [Parameter]
        [ArgumentCompleter(typeof(StepTypeCompleter))]
        public string? StepType { get; set; }

        [Parameter]
        [Alias("MaxResults")]
        [ValidateRange(1, 100)]
        public int? MaxResult { get; set; }

        [Parameter]
        public string? NextToken { get; set; }

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
            reader = new OrderedReader<InferenceRecommendationsJobStep>(new PagingWindow(PagingParameters.Skip, PagingParameters.First),
                ThrottleLimit, ReadAheadPages, NoAutoIteration, Messages.WaitFor, CancellationToken);
            progress = Messages.TrackListingProgress();
        }

        protected override void ProcessRecordCore()
        {
            string? jobName = JobName;
            if (!TryBuildRequest(jobName, out ListInferenceRecommendationsJobStepsRequest? request, out ErrorRecord? refusal))
            {
                // Queued, so that it comes after the output of the jobs before it.
                reader.Refuse(jobName, refusal);
            }
            else if (!reader.Satisfied)
            {
                IRecommenderClient client = Client(jobName, beforeStopping: () => Write(reader.TakeAll()));
                reader.Add(jobName, Listings.Steps(client, request));
            }

            Write(reader.TakeReady());
        }

        /// <summary>This record's request, with its filters as SageMaker spells them; or why it is refused (per job, non-terminating).</summary>
        private bool TryBuildRequest(string? jobName, [NotNullWhen(true)] out ListInferenceRecommendationsJobStepsRequest? request,
                                     [NotNullWhen(false)] out ErrorRecord? refusal)
        {
            request = null;
            refusal = JobNames.Refusal(jobName);
            if (refusal != null) return false;
            if (!ServiceValues.StepStatus.TryNormalize(nameof(Status), Status, out string? status, out string? problem) ||
                !ServiceValues.StepType.TryNormalize(nameof(StepType), StepType, out string? stepType, out problem))
            {
                refusal = ErrorRecordFactory.InvalidArgument(ErrorIds.InvalidParameter, problem, jobName);
                return false;
            }

            request = new ListInferenceRecommendationsJobStepsRequest
            {
                JobName = jobName,
                Status = status,
                StepType = stepType,
                MaxResults = MaxResult,
                NextToken = NextToken,
            };
            return true;
        }

        protected override void EndProcessingCore()
        {
            try
            {
                Write(reader.TakeAll());
            }
            finally
            {
                progress.Dispose();
            }
        }

        private void Write(IEnumerable<Delivery<InferenceRecommendationsJobStep>> deliveries)
        {
            foreach (Delivery<InferenceRecommendationsJobStep> delivery in deliveries)
            {
                switch (delivery.Kind)
                {
                    case DeliveryKind.Item:
                        WriteObject(delivery.Item);
                        break;
                    case DeliveryKind.Refusal:
                        WriteError((ErrorRecord)delivery.Refusal!);
                        break;
                    case DeliveryKind.Failure:
                        WriteItemError(delivery.Failure!, delivery.Target);
                        break;
                    case DeliveryKind.PageEnd when NoAutoIteration:
                        SessionState.PSVariable.Set(NextTokenVariable, delivery.NextToken);
                        if (delivery.NextToken != null)
                        {
                            WriteVerbose("More steps remain: the next page's token is in $" + NextTokenVariable + "; pass it to -NextToken.");
                        }

                        break;
                }
            }
        }
    }
}
