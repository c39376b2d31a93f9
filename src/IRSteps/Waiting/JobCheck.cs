using System.Threading;
using System.Threading.Tasks;
using IRSteps.Contract;
using IRSteps.Errors;
using IRSteps.Model;
using IRSteps.Paging;

namespace IRSteps.Waiting
{
    /// <summary>
    /// One look at a job while waiting for it: DescribeInferenceRecommendationsJob, and for a job still running,
    /// its steps counted through every page of ListInferenceRecommendationsJobSteps.
    /// </summary>
    internal sealed class JobCheck
    {
        /// <summary>Steps are counted 100 a page, the most the service allows, to keep the calls per poll few.</summary>
        public const int StepPageSize = 100;

        private JobCheck(DescribeInferenceRecommendationsJobResponse job)
        {
            Job = job;
        }

        public DescribeInferenceRecommendationsJobResponse Job { get; }

        /// <summary>The steps counted; null for a finished job (not counted) or when counting failed.</summary>
        public StepTally? Steps { get; private set; }

        /// <summary>Why the steps could not be counted; the check itself still stands.</summary>
        public IRStepsServiceException? StepsError { get; private set; }

        public bool IsFinished => JobStatuses.IsTerminal(Job.Status);

        /// <summary>"IN_PROGRESS: 2 of 5 steps done", or just the status when the steps are unknown.</summary>
        public string StatusText => Steps == null ? (Job.Status ?? "status unknown") : (Job.Status ?? "status unknown") + ": " + Steps;

        /// <summary>Describes the job (its errors propagate) and, unless it has finished, counts its steps (their errors are kept).</summary>
        public static async Task<JobCheck> RunAsync(IRecommenderClient client, string jobName, CancellationToken cancellationToken)
        {
            var check = new JobCheck(await client.DescribeInferenceRecommendationsJobAsync(
                new DescribeInferenceRecommendationsJobRequest { JobName = jobName }, cancellationToken).ConfigureAwait(false));
            if (check.IsFinished) return check;

            try
            {
                check.Steps = await CountStepsAsync(client, jobName, cancellationToken).ConfigureAwait(false);
            }
            catch (IRStepsServiceException exception)
            {
                check.StepsError = exception;
            }

            return check;
        }

        private static async Task<StepTally> CountStepsAsync(IRecommenderClient client, string jobName, CancellationToken cancellationToken)
        {
            var tally = new StepTally();
            PageReader<InferenceRecommendationsJobStep> reader =
                Listings.Steps(client, new ListInferenceRecommendationsJobStepsRequest { JobName = jobName, MaxResults = StepPageSize });

            while (reader.HasMorePages)
            {
                Page<InferenceRecommendationsJobStep>? page = await reader.ReadNextAsync(cancellationToken).ConfigureAwait(false);
                if (page == null) break;
                foreach (InferenceRecommendationsJobStep step in page.Items)
                {
                    tally.Add(step.Status);
                }
            }

            return tally;
        }
    }
}
