using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using IRSteps.Contract;
using IRSteps.Errors;
using IRSteps.Model;
using IRSteps.Waiting;
using Xunit;

namespace IRSteps.Tests
{
    /// <summary>The core of Wait-IRJob: one look at a job (describe, then its steps counted over every page).</summary>
    public class JobWaitingTests
    {
        private sealed class FakeClient : IRecommenderClient
        {
            public DescribeInferenceRecommendationsJobResponse Job { get; set; }
            public Exception DescribeError { get; set; }
            public Exception StepsError { get; set; }

            /// <summary>Pages of step statuses, each page's token being its index ("1", "2", ...).</summary>
            public List<string[]> StepPages { get; } = new List<string[]>();

            public List<ListInferenceRecommendationsJobStepsRequest> StepRequests { get; } = new List<ListInferenceRecommendationsJobStepsRequest>();

            public Task<DescribeInferenceRecommendationsJobResponse> DescribeInferenceRecommendationsJobAsync(DescribeInferenceRecommendationsJobRequest request, CancellationToken cancellationToken)
            {
                if (DescribeError != null) throw DescribeError;
                Assert.Equal(Job.JobName, request.JobName);
                return Task.FromResult(Job);
            }

            public Task<ListInferenceRecommendationsJobStepsResponse> ListInferenceRecommendationsJobStepsAsync(ListInferenceRecommendationsJobStepsRequest request, CancellationToken cancellationToken)
            {
                StepRequests.Add(request);
                if (StepsError != null) throw StepsError;
                int index = request.NextToken == null ? 0 : int.Parse(request.NextToken);
                return Task.FromResult(new ListInferenceRecommendationsJobStepsResponse
                {
                    Steps = StepPages[index].Select(s => new InferenceRecommendationsJobStep { JobName = request.JobName, Status = s }).ToList(),
                    NextToken = index + 1 < StepPages.Count ? (index + 1).ToString() : null,
                });
            }

            public Task<ListInferenceRecommendationsJobsResponse> ListInferenceRecommendationsJobsAsync(ListInferenceRecommendationsJobsRequest request, CancellationToken cancellationToken) =>
                throw new NotSupportedException();

            public Task<StopInferenceRecommendationsJobResponse> StopInferenceRecommendationsJobAsync(StopInferenceRecommendationsJobRequest request, CancellationToken cancellationToken) =>
                throw new NotSupportedException();

            public void Dispose()
            {
            }
        }

        private static DescribeInferenceRecommendationsJobResponse Job(string status) =>
            new DescribeInferenceRecommendationsJobResponse { JobName = "job-1", Status = status };

        [Theory]
        [InlineData("COMPLETED", true)]
        [InlineData("FAILED", true)]
        [InlineData("STOPPED", true)]
        [InlineData("DELETED", true)]
        [InlineData("PENDING", false)]
        [InlineData("IN_PROGRESS", false)]
        [InlineData("STOPPING", false)]
        [InlineData("DELETING", false)]
        [InlineData("completed", false)]
        [InlineData("SOME_NEW_STATUS", false)]
        [InlineData(null, false)]
        public void Terminal_statuses_are_the_four_the_service_never_leaves(string status, bool terminal)
        {
            Assert.Equal(terminal, JobStatuses.IsTerminal(status));
        }

        [Theory]
        [InlineData(ServiceErrorKind.Throttling, true)]
        [InlineData(ServiceErrorKind.ServiceUnavailable, true)]
        [InlineData(ServiceErrorKind.ServiceFault, true)]
        [InlineData(ServiceErrorKind.Network, true)]
        [InlineData(ServiceErrorKind.Timeout, true)]
        [InlineData(ServiceErrorKind.NotFound, false)]
        [InlineData(ServiceErrorKind.AccessDenied, false)]
        [InlineData(ServiceErrorKind.Authentication, false)]
        [InlineData(ServiceErrorKind.Validation, false)]
        [InlineData(ServiceErrorKind.MalformedResponse, false)]
        public void Only_outages_are_retried_at_the_next_poll(ServiceErrorKind kind, bool transient)
        {
            Assert.Equal(transient, JobStatuses.IsTransient(kind));
        }

        [Fact]
        public async Task A_running_job_has_its_steps_counted_over_every_page()
        {
            var client = new FakeClient { Job = Job("IN_PROGRESS") };
            client.StepPages.Add(new[] { "COMPLETED", "FAILED", "IN_PROGRESS" });
            client.StepPages.Add(new string[0]);
            client.StepPages.Add(new[] { "PENDING", "STOPPED" });

            JobCheck check = await JobCheck.RunAsync(client, "job-1", CancellationToken.None);

            Assert.False(check.IsFinished);
            Assert.Equal(5, check.Steps.Total);
            Assert.Equal(3, check.Steps.Done);
            Assert.Equal(1, check.Steps.Failed);
            Assert.Equal(60, check.Steps.PercentComplete);
            Assert.Equal("IN_PROGRESS: 3 of 5 steps done (1 failed)", check.StatusText);
            Assert.Equal(new string[] { null, "1", "2" }, client.StepRequests.Select(r => r.NextToken));
            Assert.All(client.StepRequests, r => Assert.Equal(JobCheck.StepPageSize, r.MaxResults));
            Assert.All(client.StepRequests, r => Assert.Null(r.Status));
        }

        [Theory]
        [InlineData("COMPLETED")]
        [InlineData("FAILED")]
        [InlineData("STOPPED")]
        public async Task A_finished_job_is_not_listed(string status)
        {
            var client = new FakeClient { Job = Job(status) };

            JobCheck check = await JobCheck.RunAsync(client, "job-1", CancellationToken.None);

            Assert.True(check.IsFinished);
            Assert.Same(client.Job, check.Job);
            Assert.Empty(client.StepRequests);
            Assert.Equal(status, check.StatusText);
        }

        [Fact]
        public async Task A_job_without_steps_yet_says_so()
        {
            var client = new FakeClient { Job = Job("PENDING") };
            client.StepPages.Add(new string[0]);

            JobCheck check = await JobCheck.RunAsync(client, "job-1", CancellationToken.None);

            Assert.Equal("PENDING: no steps yet", check.StatusText);
            Assert.Equal(-1, check.Steps.PercentComplete);
        }

        [Fact]
        public async Task One_step_is_singular()
        {
            var client = new FakeClient { Job = Job("IN_PROGRESS") };
            client.StepPages.Add(new[] { "IN_PROGRESS" });

            JobCheck check = await JobCheck.RunAsync(client, "job-1", CancellationToken.None);

            Assert.Equal("IN_PROGRESS: 0 of 1 step done", check.StatusText);
            Assert.Equal(0, check.Steps.PercentComplete);
        }

        [Fact]
        public async Task A_step_listing_that_fails_leaves_the_status_and_keeps_the_error()
        {
            var denied = new IRStepsServiceException(ServiceErrorKind.AccessDenied, "denied");
            var client = new FakeClient { Job = Job("IN_PROGRESS"), StepsError = denied };

            JobCheck check = await JobCheck.RunAsync(client, "job-1", CancellationToken.None);

            Assert.Null(check.Steps);
            Assert.Same(denied, check.StepsError);
            Assert.Equal("ListInferenceRecommendationsJobSteps", denied.Operation);
            Assert.Equal("IN_PROGRESS", check.StatusText);
        }

        [Fact]
        public async Task A_describe_that_fails_propagates()
        {
            var missing = new IRStepsServiceException(ServiceErrorKind.NotFound, "gone");
            var client = new FakeClient { Job = Job("IN_PROGRESS"), DescribeError = missing };

            var thrown = await Assert.ThrowsAsync<IRStepsServiceException>(() => JobCheck.RunAsync(client, "job-1", CancellationToken.None));

            Assert.Same(missing, thrown);
            Assert.Empty(client.StepRequests);
        }
    }
}
