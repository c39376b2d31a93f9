using System;
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
    /// Get-IRJob: without -JobName, the Inference Recommender jobs (ListInferenceRecommendationsJobs, every page,
    /// each written as it arrives, the service's filters as parameters); with -JobName, the whole of each job
    /// (DescribeInferenceRecommendationsJob). Both kinds of object carry JobName, so they pipe on by property name.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "IRJob", DefaultParameterSetName = ListSet, SupportsPaging = true)]
    [OutputType(typeof(InferenceRecommendationsJob), ParameterSetName = new[] { ListSet })]
    [OutputType(typeof(DescribeInferenceRecommendationsJobResponse), ParameterSetName = new[] { DescribeSet })]
    public sealed class GetIRJobCommand : IRStepsCmdletBase
    {
        private const string ListSet = "List";
        private const string DescribeSet = "Describe";

        private PagingWindow window = null!; // set in BeginProcessing

        [Parameter(Mandatory = true, Position = 0, ParameterSetName = DescribeSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(JobNameCompleter))]
        public string? JobName { get; set; }

        // Enum-like filters are open strings: the service may add values (argument completers offer today's).
        [Parameter(ParameterSetName = ListSet)]
        [Alias("StatusEquals")]
        [ArgumentCompleter(typeof(JobStatusCompleter))]
        public string? StatusEqual { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        [Alias("NameContains")]
        public string? NameContain { get; set; }

        /// <summary>Local and unspecified times are converted to UTC before they are sent.</summary>
        [Parameter(ParameterSetName = ListSet)]
        public DateTime? CreationTimeAfter { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        public DateTime? CreationTimeBefore { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        public DateTime? LastModifiedTimeAfter { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        public DateTime? LastModifiedTimeBefore { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        [Alias("ModelNameEquals")]
        public string? ModelNameEqual { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        [Alias("ModelPackageVersionArnEquals")]
        public string? ModelPackageVersionArnEqual { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        [ArgumentCompleter(typeof(JobSortByCompleter))]
        public string? SortBy { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        [ArgumentCompleter(typeof(SortOrderCompleter))]
        public string? SortOrder { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        [Alias("MaxResults")]
        [ValidateRange(1, 100)]
        public int? MaxResult { get; set; }

        protected override void BeginProcessing()
        {
            window = new PagingWindow(PagingParameters.Skip, PagingParameters.First);
        }

        protected override void ProcessRecordCore()
        {
            if (ParameterSetName == DescribeSet)
            {
                DescribeJob();
            }
            else
            {
                ListJobs();
            }
        }

        private void DescribeJob()
        {
            if (!AcceptJobName(JobName) || window.Satisfied) return;
            IRecommenderClient client = Client(JobName);
            try
            {
                DescribeInferenceRecommendationsJobResponse job = Await(client.DescribeInferenceRecommendationsJobAsync(
                    new DescribeInferenceRecommendationsJobRequest { JobName = JobName }, CancellationToken));
                if (window.Admit()) WriteObject(job);
            }
            catch (IRStepsServiceException exception)
            {
                WriteItemError(exception, JobName);
            }
        }

        private void ListJobs()
        {
            // The whole listing is one request chain: a bad filter stops the command before anything is sent.
            if (!ServiceValues.JobStatus.TryNormalize(nameof(StatusEqual), StatusEqual, out string? status, out string? problem) ||
                !ServiceValues.JobSortBy.TryNormalize(nameof(SortBy), SortBy, out string? sortBy, out problem) ||
                !ServiceValues.SortOrder.TryNormalize(nameof(SortOrder), SortOrder, out string? sortOrder, out problem) ||
                !TimeWindow.IsOpen(nameof(CreationTimeAfter), CreationTimeAfter, nameof(CreationTimeBefore), CreationTimeBefore, out problem) ||
                !TimeWindow.IsOpen(nameof(LastModifiedTimeAfter), LastModifiedTimeAfter, nameof(LastModifiedTimeBefore), LastModifiedTimeBefore, out problem))
            {
                ThrowTerminatingError(ErrorRecordFactory.InvalidArgument(ErrorIds.InvalidParameter, problem, null));
                return;
            }

            // The request as checked, built once: the bound parameters stay as the user gave them.
            var request = new ListInferenceRecommendationsJobsRequest
            {
                CreationTimeAfter = CreationTimeAfter,
                CreationTimeBefore = CreationTimeBefore,
                LastModifiedTimeAfter = LastModifiedTimeAfter,
                LastModifiedTimeBefore = LastModifiedTimeBefore,
                NameContains = NameContain,
                StatusEquals = status,
                SortBy = sortBy,
                SortOrder = sortOrder,
                MaxResults = MaxResult,
                ModelNameEquals = ModelNameEqual,
                ModelPackageVersionArnEquals = ModelPackageVersionArnEqual,
            };
            PageReader<InferenceRecommendationsJob> reader = Listings.Jobs(Client(null), request);
            try
            {
                using (Messages.TrackListingProgress())
                while (reader.HasMorePages && !window.Satisfied)
                {
                    Page<InferenceRecommendationsJob>? page = Await(reader.ReadNextAsync(CancellationToken));
                    if (page == null) break;

                    foreach (InferenceRecommendationsJob job in page.Items)
                    {
                        if (window.Admit()) WriteObject(job);
                        else if (window.Satisfied) break;
                    }
                }
            }
            catch (IRStepsServiceException exception)
            {
                WriteItemError(exception, null);
            }
        }
    }
}
