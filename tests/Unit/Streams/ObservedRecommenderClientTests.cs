using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using IRSteps.Contract;
using IRSteps.Errors;
using IRSteps.Model;
using IRSteps.Streams;
using Xunit;

namespace IRSteps.Tests
{
    /// <summary>The service wrapper behind every cmdlet's -Verbose request line and listing progress.</summary>
    public class ObservedRecommenderClientTests
    {
        /// <summary>A service whose answers the test sets: step pages keyed by job and token, or an exception to throw.</summary>
        private sealed class FakeClient : IRecommenderClient
        {
            public Dictionary<string, ListInferenceRecommendationsJobStepsResponse> StepPages { get; } =
                new Dictionary<string, ListInferenceRecommendationsJobStepsResponse>();

            public Exception Failure { get; set; }
            public TaskCompletionSource<bool> Gate { get; set; }
            public bool Disposed { get; private set; }

            public async Task<ListInferenceRecommendationsJobStepsResponse> ListInferenceRecommendationsJobStepsAsync(
                ListInferenceRecommendationsJobStepsRequest request, CancellationToken cancellationToken)
            {
                if (Gate != null) await Gate.Task.ConfigureAwait(false);
                if (Failure != null) throw Failure;
                return StepPages[request.JobName + "|" + request.NextToken];
            }

            public Task<ListInferenceRecommendationsJobsResponse> ListInferenceRecommendationsJobsAsync(
                ListInferenceRecommendationsJobsRequest request, CancellationToken cancellationToken) =>
                Task.FromResult(new ListInferenceRecommendationsJobsResponse
                {
                    InferenceRecommendationsJobs = { new InferenceRecommendationsJob { JobName = "a" }, new InferenceRecommendationsJob { JobName = "b" } },
                    RequestId = "jobs-1",
                });

            public Task<DescribeInferenceRecommendationsJobResponse> DescribeInferenceRecommendationsJobAsync(
                DescribeInferenceRecommendationsJobRequest request, CancellationToken cancellationToken) =>
                Task.FromResult(new DescribeInferenceRecommendationsJobResponse { JobName = request.JobName, Status = "IN_PROGRESS", RequestId = "describe-1" });

            public Task<StopInferenceRecommendationsJobResponse> StopInferenceRecommendationsJobAsync(
                StopInferenceRecommendationsJobRequest request, CancellationToken cancellationToken) =>
                Task.FromResult(new StopInferenceRecommendationsJobResponse { RequestId = "stop-1" });

            public void AddPage(string job, string token, int items, string next) =>
                StepPages[job + "|" + token] = new ListInferenceRecommendationsJobStepsResponse
                {
                    Steps = Enumerable.Range(0, items).Select(_ => new InferenceRecommendationsJobStep { JobName = job }).ToList(),
                    NextToken = next,
                    RequestId = "req-" + job + "-" + (token ?? "first"),
                };

            public void Dispose() => Disposed = true;
        }

        /// <summary>The wrapper over a fake, the reports of ended requests (the -Verbose lines) and those of started listing requests.</summary>
        private static (ObservedRecommenderClient Service, FakeClient Inner, ConcurrentQueue<RequestReport> Reports, ConcurrentQueue<RequestReport> Starts) Observed()
        {
            var inner = new FakeClient();
            var reports = new ConcurrentQueue<RequestReport>();
            var starts = new ConcurrentQueue<RequestReport>();
            return (new ObservedRecommenderClient(inner, report => (report.IsStart ? starts : reports).Enqueue(report)), inner, reports, starts);
        }

        private static Task<ListInferenceRecommendationsJobStepsResponse> List(IRecommenderClient client, string job, string token) =>
            client.ListInferenceRecommendationsJobStepsAsync(new ListInferenceRecommendationsJobStepsRequest { JobName = job, NextToken = token }, CancellationToken.None);

        [Fact]
        public async Task Numbers_pages_by_the_tokens_that_lead_to_them()
        {
            var (client, inner, reports, _) = Observed();
            inner.AddPage("job", null, 10, "t1");
            inner.AddPage("job", "t1", 10, "t2");
            inner.AddPage("job", "t2", 5, null);

            await List(client, "job", null);
            await List(client, "job", "t1");
            await List(client, "job", "t2");

            RequestReport[] all = reports.ToArray();
            Assert.Equal(new int?[] { 1, 2, 3 }, all.Select(r => r.Page));
            Assert.Equal(new int?[] { 10, 10, 5 }, all.Select(r => r.Items));
            Assert.Equal(new[] { false, false, true }, all.Select(r => r.IsLastPage));
            Assert.Equal("ListInferenceRecommendationsJobSteps job 'job' page 2: 10 steps in " + all[1].ElapsedMilliseconds + " ms (request id req-job-t1)",
                all[1].ToString());
        }

        [Fact]
        public async Task Reports_a_listing_request_as_it_starts_too_for_progress()
        {
            var (client, inner, reports, starts) = Observed();
            inner.AddPage("job", null, 10, "t1");
            inner.AddPage("job", "t1", 2, null);
            inner.Gate = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);

            Task<ListInferenceRecommendationsJobStepsResponse> first = client.ListInferenceRecommendationsJobStepsAsync(
                new ListInferenceRecommendationsJobStepsRequest { JobName = "job" }, CancellationToken.None);
            RequestReport start = Assert.Single(starts);
            Assert.Empty(reports);
            Assert.Equal(1, start.Page);
            Assert.Equal("job 'job'", start.Subject);
            Assert.Equal("steps", start.ItemNoun);

            inner.Gate.SetResult(true);
            await first;
            await List(client, "job", "t1");
            Assert.Equal(new int?[] { 1, 2 }, starts.Select(r => r.Page));
            Assert.All(starts, r => Assert.True(r.IsStart));
        }

        [Fact]
        public async Task Counts_a_listing_resumed_from_a_token_it_never_gave_from_page_1()
        {
            var (client, inner, reports, _) = Observed();
            inner.AddPage("job", "from-the-user", 3, null);

            await List(client, "job", "from-the-user");

            Assert.Equal(1, reports.Single().Page);
        }

        [Fact]
        public async Task Keeps_interleaved_listings_apart()
        {
            var (client, inner, reports, _) = Observed();
            inner.AddPage("a", null, 1, "a1");
            inner.AddPage("b", null, 2, "b1");
            inner.AddPage("a", "a1", 3, null);
            inner.AddPage("b", "b1", 4, "b2");
            inner.AddPage("b", "b2", 5, null);

            await List(client, "a", null);
            await List(client, "b", null);
            await List(client, "b", "b1");
            await List(client, "a", "a1");
            await List(client, "b", "b2");

            Assert.Equal(new[] { "job 'a' 1", "job 'b' 1", "job 'b' 2", "job 'a' 2", "job 'b' 3" },
                reports.Select(r => r.Subject + " " + r.Page));
        }

        [Fact]
        public async Task Reports_a_failed_request_and_rethrows_the_same_exception()
        {
            var (client, inner, reports, _) = Observed();
            var failure = new IRStepsServiceException(ServiceErrorKind.NotFound, "Inference recommendations job x not found.", "ResourceNotFound", "req-404", 400);
            inner.Failure = failure;

            var thrown = await Assert.ThrowsAsync<IRStepsServiceException>(() => List(client, "x", null));

            Assert.Same(failure, thrown);
            RequestReport report = reports.Single();
            Assert.False(report.Succeeded);
            Assert.Matches(@"^ListInferenceRecommendationsJobSteps job 'x' page 1: failed \(ResourceNotFound\) after \d+ ms \(request id req-404\)$", report.ToString());
        }

        [Fact]
        public async Task Says_cancelled_for_a_request_cancelled_by_Ctrl_C()
        {
            var (client, inner, reports, _) = Observed();
            inner.Failure = new OperationCanceledException();

            await Assert.ThrowsAsync<OperationCanceledException>(() => List(client, "x", null));

            Assert.Matches(@": cancelled after \d+ ms \(request id none\)$", reports.Single().ToString());
        }

        [Fact]
        public async Task Reports_when_the_request_ends_from_the_thread_that_ends_it()
        {
            var (client, inner, reports, _) = Observed();
            inner.AddPage("job", null, 1, null);
            inner.Gate = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);

            Task<ListInferenceRecommendationsJobStepsResponse> call = client.ListInferenceRecommendationsJobStepsAsync(
                new ListInferenceRecommendationsJobStepsRequest { JobName = "job" }, CancellationToken.None);
            Assert.Empty(reports);

            inner.Gate.SetResult(true);
            await call;
            Assert.Single(reports);
        }

        [Fact]
        public async Task Reports_the_other_operations_with_what_they_answered()
        {
            var (client, _, reports, _) = Observed();

            await client.ListInferenceRecommendationsJobsAsync(new ListInferenceRecommendationsJobsRequest(), CancellationToken.None);
            await client.DescribeInferenceRecommendationsJobAsync(new DescribeInferenceRecommendationsJobRequest { JobName = "j" }, CancellationToken.None);
            await client.StopInferenceRecommendationsJobAsync(new StopInferenceRecommendationsJobRequest { JobName = "j" }, CancellationToken.None);

            string[] lines = reports.Select(r => r.ToString()).ToArray();
            Assert.Matches(@"^ListInferenceRecommendationsJobs page 1: 2 jobs in \d+ ms \(request id jobs-1\)$", lines[0]);
            Assert.Matches(@"^DescribeInferenceRecommendationsJob job 'j': IN_PROGRESS in \d+ ms \(request id describe-1\)$", lines[1]);
            Assert.Matches(@"^StopInferenceRecommendationsJob job 'j': accepted in \d+ ms \(request id stop-1\)$", lines[2]);
        }

        [Fact]
        public void Passes_disposal_through()
        {
            var (client, inner, _, _) = Observed();

            client.Dispose();
            Assert.True(inner.Disposed);
        }
    }
}
