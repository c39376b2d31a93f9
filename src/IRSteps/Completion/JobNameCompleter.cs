using System;
using System.Collections;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using IRSteps.Contract;
using IRSteps.Loading;
using IRSteps.Model;

namespace IRSteps.Completion
{
    /// <summary>
    /// Completes -JobName live from ListInferenceRecommendationsJobs (NameContains what is typed, newest first),
    /// with the credential, region and endpoint parameters already on the command line and the session's
    /// $StoredAWSCredentials / $StoredAWSRegion, as the command itself would use them. Within
    /// <see cref="TimeLimit"/> or not at all; any failure (no credentials, no network, throttling) gives no
    /// completions and is never thrown into the prompt.
    /// </summary>
    public sealed class JobNameCompleter : Completer
    {
        /// <summary>How long Tab may wait for the service, credential resolution included.</summary>
        public static readonly TimeSpan TimeLimit = TimeSpan.FromSeconds(2);

        /// <summary>How long a request started by Tab may go on for a later Tab to use its answer.</summary>
        private static readonly TimeSpan AbandonAfter = TimeSpan.FromSeconds(15);

        /// <summary>How long a listing answers the same completion again without a request.</summary>
        private static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);

        private static readonly ConcurrentDictionary<string, Listing> Recent = new ConcurrentDictionary<string, Listing>(StringComparer.Ordinal);

        private const int MaxResults = 100;

        internal override IEnumerable<CompletionResult> Complete(string typed, IDictionary fakeBoundParameters)
        {
            List<InferenceRecommendationsJob>? jobs = ListJobs(CommandLineConnection.From(fakeBoundParameters), typed);
            if (jobs == null) return Array.Empty<CompletionResult>();

            // Names that start with what is typed first, then those that only contain it; newest first within each.
            return Words.StartingWithFirst(jobs.Where(job => !string.IsNullOrEmpty(job.JobName)), job => job.JobName!, typed)
                .Select(job => new CompletionResult(job.JobName!, job.JobName!, CompletionResultType.ParameterValue, ToolTip(job)));
        }

        private static List<InferenceRecommendationsJob>? ListJobs(ConnectionRequest connection, string typed)
        {
            string key = connection.CacheKey() + "|" + typed;
            if (Recent.TryGetValue(key, out Listing recent) && DateTime.UtcNow - recent.Time < CacheFor) return recent.Jobs;

            // On a worker thread: credential resolution itself may block (SSO, instance metadata), and the prompt
            // waits no longer than the time limit for either. An answer that comes later (the first call of a session
            // loads the AWS SDK) is kept for the next Tab; the request is abandoned at the hard limit.
            var cancellation = new CancellationTokenSource(AbandonAfter);
            Task<List<InferenceRecommendationsJob>> listing = Task.Run(async () =>
            {
                using (IRecommenderClient client = ClientLoader.Factory.Create(connection))
                {
                    ListInferenceRecommendationsJobsResponse page = await client.ListInferenceRecommendationsJobsAsync(
                        new ListInferenceRecommendationsJobsRequest
                        {
                            NameContains = typed.Length == 0 ? null : typed,
                            SortBy = "CreationTime",
                            SortOrder = "Descending",
                            MaxResults = MaxResults,
                        },
                        cancellation.Token).ConfigureAwait(false);
                    return page.InferenceRecommendationsJobs ?? new List<InferenceRecommendationsJob>();
                }
            });
            listing.ContinueWith(t =>
            {
                cancellation.Dispose();
                if (t.Status == TaskStatus.RanToCompletion) Recent[key] = new Listing(t.Result);
                return t.Exception; // observed, so a failure never surfaces later
            }, TaskScheduler.Default);

            try
            {
                return listing.Wait(TimeLimit) ? listing.Result : null;
            }
            catch (AggregateException)
            {
                return null;
            }
        }

        private static string ToolTip(InferenceRecommendationsJob job)
        {
            string created = job.CreationTime.HasValue
                ? ", created " + job.CreationTime.Value.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC"
                : string.Empty;
            return job.JobName + " (" + (job.Status ?? "status unknown") + (job.JobType == null ? string.Empty : ", " + job.JobType) + created + ")";
        }

        private sealed class Listing
        {
            public Listing(List<InferenceRecommendationsJob> jobs)
            {
                Jobs = jobs;
                Time = DateTime.UtcNow;
            }

            public List<InferenceRecommendationsJob> Jobs { get; }
            public DateTime Time { get; }
        }
    }
}
