using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using IRSteps.Contract;
using IRSteps.Model;

namespace IRSteps.Streams
{
    /// <summary>
    /// Wraps a client so that every request, whichever cmdlet or helper makes it, reports a
    /// <see cref="RequestReport"/> when it ends (the cmdlet base turns it into the -Verbose line and progress).
    /// One line per operation, like the other per-operation lists; reports may come from any thread.
    /// </summary>
    internal sealed class ObservedRecommenderClient : IRecommenderClient
    {
        private readonly IRecommenderClient inner;
        private readonly Action<RequestReport> report;

        // Page numbers follow the tokens: the page a token was returned with, plus one. Concurrent listings
        // (several jobs at once) never share a token, so one map serves them all.
        private readonly ConcurrentDictionary<string, int> pageOfToken = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);

        public ObservedRecommenderClient(IRecommenderClient inner, Action<RequestReport> report)
        {
            this.inner = inner ?? throw new ArgumentNullException(nameof(inner));
            this.report = report ?? throw new ArgumentNullException(nameof(report));
        }

        public Task<ListInferenceRecommendationsJobStepsResponse> ListInferenceRecommendationsJobStepsAsync(
            ListInferenceRecommendationsJobStepsRequest request, CancellationToken cancellationToken) =>
            ObserveListing("ListInferenceRecommendationsJobSteps", Subjects.Job(request.JobName), request.NextToken, "steps",
                () => inner.ListInferenceRecommendationsJobStepsAsync(request, cancellationToken), r => r.Steps?.Count ?? 0, r => r.NextToken);

        public Task<ListInferenceRecommendationsJobsResponse> ListInferenceRecommendationsJobsAsync(
            ListInferenceRecommendationsJobsRequest request, CancellationToken cancellationToken) =>
            ObserveListing("ListInferenceRecommendationsJobs", null, request.NextToken, "jobs",
                () => inner.ListInferenceRecommendationsJobsAsync(request, cancellationToken), r => r.InferenceRecommendationsJobs?.Count ?? 0, r => r.NextToken);

        public Task<DescribeInferenceRecommendationsJobResponse> DescribeInferenceRecommendationsJobAsync(
            DescribeInferenceRecommendationsJobRequest request, CancellationToken cancellationToken) =>
            ObserveCall("DescribeInferenceRecommendationsJob", Subjects.Job(request.JobName),
                () => inner.DescribeInferenceRecommendationsJobAsync(request, cancellationToken), r => r.Status);

        public Task<StopInferenceRecommendationsJobResponse> StopInferenceRecommendationsJobAsync(
            StopInferenceRecommendationsJobRequest request, CancellationToken cancellationToken) =>
            ObserveCall("StopInferenceRecommendationsJob", Subjects.Job(request.JobName),
                () => inner.StopInferenceRecommendationsJobAsync(request, cancellationToken), r => "accepted");

        private Task<T> ObserveListing<T>(string operation, string? subject, string? token, string itemNoun,
                                          Func<Task<T>> call, Func<T, int> count, Func<T, string?> nextToken)
            where T : IServiceResponse
        {
            // Taken out as it is asked for: the map holds only the tokens not yet followed, not one per page read.
            int page = token != null && pageOfToken.TryRemove(token, out int known) ? known : 1;
            report(RequestReport.Started(operation, subject, page, itemNoun));
            return Observe(operation, subject, page, itemNoun, call, (response, milliseconds) =>
            {
                string? next = nextToken(response);
                if (next != null && next.Length > 0) pageOfToken[next] = page + 1;
                return new RequestReport(operation, subject, page, count(response), itemNoun, null, milliseconds, response.RequestId, string.IsNullOrEmpty(next), null);
            });
        }

        private Task<T> ObserveCall<T>(string operation, string? subject, Func<Task<T>> call, Func<T, string?> result)
            where T : IServiceResponse =>
            Observe(operation, subject, null, null, call, (response, milliseconds) =>
                new RequestReport(operation, subject, null, null, null, result(response), milliseconds, response.RequestId, false, null));

        /// <summary>Makes the call and reports how it ended: <paramref name="succeeded"/> makes the report of an answer (given the milliseconds).</summary>
        private async Task<T> Observe<T>(string operation, string? subject, int? page, string? itemNoun, Func<Task<T>> call, Func<T, long, RequestReport> succeeded)
        {
            var stopwatch = Stopwatch.StartNew();
            T response;
            try
            {
                response = await call().ConfigureAwait(false);
            }
            catch (Exception exception)
            {
                report(new RequestReport(operation, subject, page, null, itemNoun, null, stopwatch.ElapsedMilliseconds, null, false, exception));
                throw;
            }

            report(succeeded(response, stopwatch.ElapsedMilliseconds));
            return response;
        }

        public void Dispose() => inner.Dispose();
    }
}
