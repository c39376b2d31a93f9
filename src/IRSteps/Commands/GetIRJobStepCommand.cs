using System;
using System.Diagnostics;
using System.Management.Automation;
using System.Threading.Tasks;
using IRSteps.Errors;
using IRSteps.Model;
using IRSteps.Paging;
using IRSteps.Services;

namespace IRSteps.Commands
{
    /// <summary>
    /// Get-IRJobStep: the benchmark steps of Inference Recommender jobs (ListInferenceRecommendationsJobSteps),
    /// every page followed and each page written as it arrives.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "IRJobStep", SupportsPaging = true)]
    [OutputType(typeof(InferenceRecommendationsJobStep))]
    public sealed class GetIRJobStepCommand : IRStepsCmdletBase
    {
        /// <summary>The variable that receives the next page's token under -NoAutoIteration.</summary>
        public const string DefaultNextTokenVariable = "IRStepsNextToken";

        private ulong skipped;
        private ulong written;

        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        public string JobName { get; set; }

        // Not bound by property name: a job piped in (Get-IRJob -StatusEqual FAILED | Get-IRJobStep) has a Status
        // of its own, which would silently filter its steps by the job's status.
        [Parameter]
        public string Status { get; set; }

        [Parameter]
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

        protected override void ProcessRecord()
        {
            if (!JobNames.IsValid(JobName))
            {
                WriteError(ErrorRecordFactory.InvalidArgument(ErrorIds.InvalidJobName, JobNames.Problem(JobName), JobName));
                return;
            }

            if (FirstSatisfied) return;

            IRecommenderService service;
            try
            {
                service = GetService();
            }
            catch (IRStepsConfigurationException exception)
            {
                ThrowCommandError(exception, JobName);
                return;
            }

            try
            {
                ReadSteps(service);
            }
            catch (IRStepsServiceException exception)
            {
                exception.Operation = exception.Operation ?? "ListInferenceRecommendationsJobSteps";
                WriteItemError(exception, JobName);
            }
            catch (OperationCanceledException) when (CancellationToken.IsCancellationRequested)
            {
                // Ctrl+C: PowerShell stops the pipeline; nothing more to write.
            }
        }

        private void ReadSteps(IRecommenderService service)
        {
            string jobName = JobName;
            var reader = new PageReader<InferenceRecommendationsJobStep>(
                (token, cancellationToken) => FetchAsync(service, jobName, token, cancellationToken),
                "the steps of job '" + jobName + "'",
                NextToken);

            while (reader.HasMorePages && !FirstSatisfied)
            {
                var stopwatch = Stopwatch.StartNew();
                Page<InferenceRecommendationsJobStep> page = Await(reader.ReadNextAsync(CancellationToken));
                WriteVerbose(string.Format(
                    "ListInferenceRecommendationsJobSteps job '{0}' page {1}: {2} steps in {3} ms (request id {4})",
                    jobName, reader.PageCount, page.Items.Count, stopwatch.ElapsedMilliseconds, page.RequestId ?? "none"));

                foreach (InferenceRecommendationsJobStep step in page.Items)
                {
                    if (!Emit(step)) break;
                }

                if (NoAutoIteration)
                {
                    SessionState.PSVariable.Set(NextTokenVariable, reader.NextToken);
                    if (reader.NextToken != null)
                    {
                        WriteVerbose("More steps remain: the next page's token is in $" + NextTokenVariable + "; pass it to -NextToken.");
                    }
                    break;
                }
            }
        }

        private async Task<Page<InferenceRecommendationsJobStep>> FetchAsync(IRecommenderService service, string jobName, string token, System.Threading.CancellationToken cancellationToken)
        {
            var request = new ListInferenceRecommendationsJobStepsRequest
            {
                JobName = jobName,
                Status = Status,
                StepType = StepType,
                MaxResults = MaxResult,
                NextToken = token,
            };
            ListInferenceRecommendationsJobStepsResponse response =
                await service.ListInferenceRecommendationsJobStepsAsync(request, cancellationToken).ConfigureAwait(false);
            return new Page<InferenceRecommendationsJobStep>(response.Steps, response.NextToken, response.RequestId);
        }

        /// <summary>Writes one step, honouring -Skip and -First; false once -First is satisfied.</summary>
        private bool Emit(InferenceRecommendationsJobStep step)
        {
            if (skipped < PagingParameters.Skip)
            {
                skipped++;
                return true;
            }

            if (FirstSatisfied) return false;
            WriteObject(step);
            written++;
            return !FirstSatisfied;
        }

        private bool FirstSatisfied => written >= PagingParameters.First;
    }
}
