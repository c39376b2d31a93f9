using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using IRSteps.Client;
using IRSteps.Emulator;
using IRSteps.Emulator.Auth;
using IRSteps.Errors;
using IRSteps.Model;
using IRSteps.Contract;
using Xunit;

namespace IRSteps.Tests
{
    /// <summary>
    /// The emulator in-process (src/IRSteps.Emulator, what Start-IREmulator runs) against the module's own AWS
    /// client (IRSteps.Client): real HTTP on 127.0.0.1, real SigV4, the answers unmarshalled as a user gets them.
    /// </summary>
    public sealed class EmulatorTests : IDisposable
    {
        private static readonly CancellationToken None = CancellationToken.None;
        private readonly FakeClock clock = new FakeClock();
        private readonly EmulatorServer emulator;

        public EmulatorTests()
        {
            emulator = EmulatorServer.Start(new EmulatorOptions { Clock = clock });
        }

        public void Dispose() => emulator.Dispose();

        private IRecommenderClient Client(string accessKey = null, string secretKey = null) =>
            new RecommenderClientFactory().Create(new ConnectionRequest
            {
                AccessKey = accessKey ?? emulator.Keys.AccessKey,
                SecretKey = secretKey ?? emulator.Keys.SecretKey,
                Region = "eu-west-1",
                EndpointUrl = emulator.EndpointUrl,
                RequestTimeout = TimeSpan.FromSeconds(20),
            });

        private static async Task<List<InferenceRecommendationsJobStep>> AllSteps(IRecommenderClient client, string job, int pageSize, List<string> tokens = null)
        {
            var steps = new List<InferenceRecommendationsJobStep>();
            string token = null;
            do
            {
                ListInferenceRecommendationsJobStepsResponse page = await client.ListInferenceRecommendationsJobStepsAsync(
                    new ListInferenceRecommendationsJobStepsRequest { JobName = job, MaxResults = pageSize, NextToken = token }, None);
                steps.AddRange(page.Steps);
                token = page.NextToken;
                if (token != null) tokens?.Add(token);
            }
            while (token != null);
            return steps;
        }

        private Task<DescribeInferenceRecommendationsJobResponse> Describe(IRecommenderClient client, string job) =>
            client.DescribeInferenceRecommendationsJobAsync(new DescribeInferenceRecommendationsJobRequest { JobName = job }, None);

        [Fact]
        public async Task Serves_the_sample_jobs_page_by_page_to_its_own_key_pair_with_opaque_tokens()
        {
            using IRecommenderClient client = Client();
            var tokens = new List<string>();

            List<InferenceRecommendationsJobStep> steps = await AllSteps(client, "paged-job-25", 10, tokens);

            Assert.Equal(25, steps.Count);
            Assert.Equal(Enumerable.Range(0, 25).Select(i => i.ToString()), steps.Select(s => s.InferenceBenchmark.ModelConfiguration.EnvironmentParameters[0].Value));
            Assert.Equal(2, tokens.Count);
            Assert.All(tokens, t => Assert.DoesNotContain("paged-job-25", t));
            RequestLogEntry[] requests = emulator.Requests.ForOperation("ListInferenceRecommendationsJobSteps").ToArray();
            Assert.Equal(new[] { null, tokens[0], tokens[1] }, requests.Select(r => r.NextToken));
            Assert.All(requests, r => Assert.Equal(10, r.MaxResults));
            Assert.All(requests, r => Assert.Equal(emulator.Keys.AccessKey, r.AccessKey));
            Assert.All(requests, r => Assert.Equal("eu-west-1", r.Region));
            Assert.Equal(1, emulator.AcceptedConnections); // the client kept its connection alive across the pages
        }

        [Fact]
        public async Task Generates_a_key_pair_of_its_own_and_refuses_other_keys_and_the_test_keys()
        {
            using (EmulatorServer other = EmulatorServer.Start())
            {
                Assert.Matches("^AKIAEMU[A-Z2-7]{13}$", emulator.Keys.AccessKey);
                Assert.Equal(40, emulator.Keys.SecretKey.Length);
                Assert.NotEqual(other.Keys.AccessKey, emulator.Keys.AccessKey);
                Assert.NotEqual(other.Keys.SecretKey, emulator.Keys.SecretKey);
            }

            using IRecommenderClient wrongSecret = Client(secretKey: "not-the-secret");
            using IRecommenderClient testKey = Client("AKIDTESTXUNIT", KeyStore.SecretForTestKey("AKIDTESTXUNIT"));

            var refused = await Assert.ThrowsAsync<IRStepsServiceException>(() => Describe(wrongSecret, "nightly-resnet50"));
            var unknown = await Assert.ThrowsAsync<IRStepsServiceException>(() => Describe(testKey, "nightly-resnet50"));

            Assert.Equal(ServiceErrorKind.Authentication, refused.Kind);
            Assert.Equal("InvalidSignatureException", refused.ErrorCode);
            Assert.Equal(ServiceErrorKind.Authentication, unknown.Kind);
            Assert.Equal("UnrecognizedClientException", unknown.ErrorCode);
        }

        [Fact]
        public async Task Accepts_the_test_keys_only_when_asked_to()
        {
            using EmulatorServer tests = EmulatorServer.Start(new EmulatorOptions { AcceptTestKeys = true });
            using IRecommenderClient client = new RecommenderClientFactory().Create(new ConnectionRequest
            {
                AccessKey = "AKIDTESTXUNIT", SecretKey = "emu/secret+AKIDTESTXUNIT", Region = "us-east-1", EndpointUrl = tests.EndpointUrl,
            });

            DescribeInferenceRecommendationsJobResponse job = await Describe(client, "nightly-resnet50");

            Assert.Equal("COMPLETED", job.Status);
        }

        [Fact]
        public async Task A_job_added_from_model_steps_reads_back_as_the_same_steps()
        {
            var started = new DateTime(2024, 11, 28, 10, 0, 0, 250, DateTimeKind.Utc);
            var steps = new[]
            {
                new InferenceRecommendationsJobStep
                {
                    StepType = "BENCHMARK", JobName = "somewhere-else", Status = "COMPLETED",
                    InferenceBenchmark = new RecommendationJobInferenceBenchmark
                    {
                        Metrics = new RecommendationMetrics { CostPerHour = 0.204, CostPerInference = 2.34e-06, MaxInvocations = 1450, ModelLatency = 38, CpuUtilization = double.NaN },
                        EndpointMetrics = new InferenceMetrics { MaxInvocations = 1180, ModelLatency = 52 },
                        EndpointConfiguration = new EndpointOutputConfiguration { InstanceType = "ml.c5.xlarge", InitialInstanceCount = 1 },
                        ModelConfiguration = new ModelConfiguration { EnvironmentParameters = new List<EnvironmentParameter> { new EnvironmentParameter { Key = "OMP_NUM_THREADS", ValueType = "String", Value = "2" } } },
                        InvocationStartTime = started,
                        InvocationEndTime = started.AddMinutes(10),
                    },
                },
                new InferenceRecommendationsJobStep { Status = "FAILED", InferenceBenchmark = new RecommendationJobInferenceBenchmark { FailureReason = "out of memory" } },
            };
            emulator.AddJob("added-job", steps, new[] { "COMPLETED" }, null);
            using IRecommenderClient client = Client();

            List<InferenceRecommendationsJobStep> read = await AllSteps(client, "added-job", 10);

            Assert.Equal(2, read.Count);
            InferenceRecommendationsJobStep first = read[0];
            Assert.Equal("added-job", first.JobName);
            Assert.Equal(0.204, first.CostPerHour);
            Assert.Equal(2.34e-06, first.CostPerInference);
            Assert.Equal(38, first.ModelLatency);
            Assert.True(double.IsNaN(first.CpuUtilization.Value));
            Assert.Null(first.MemoryUtilization);
            Assert.Equal(52, first.EndpointModelLatency);
            Assert.Equal("ml.c5.xlarge", first.InstanceType);
            Assert.Equal("2", first.InferenceBenchmark.ModelConfiguration.EnvironmentParameters[0].Value);
            Assert.Equal(started, first.InferenceBenchmark.InvocationStartTime);
            Assert.Equal("BENCHMARK", read[1].StepType);
            Assert.Equal("FAILED", read[1].Status);
            Assert.Equal("out of memory", read[1].FailureReason);
        }

        [Fact]
        public async Task A_status_sequence_moves_one_place_per_Describe_and_listings_show_the_last_one_described()
        {
            emulator.AddJob("sequenced", Array.Empty<InferenceRecommendationsJobStep>(), new[] { "PENDING", "IN_PROGRESS", "FAILED" }, "it broke");
            using IRecommenderClient client = Client();

            string Listed() => client.ListInferenceRecommendationsJobsAsync(new ListInferenceRecommendationsJobsRequest { NameContains = "sequenced" }, None)
                .GetAwaiter().GetResult().InferenceRecommendationsJobs.Single().Status;

            Assert.Equal("PENDING", Listed());
            Assert.Equal("PENDING", (await Describe(client, "sequenced")).Status);
            Assert.Equal("PENDING", Listed());
            Assert.Equal("IN_PROGRESS", (await Describe(client, "sequenced")).Status);
            DescribeInferenceRecommendationsJobResponse failed = await Describe(client, "sequenced");
            Assert.Equal("FAILED", failed.Status);
            Assert.Equal("it broke", failed.FailureReason);
            Assert.NotNull(failed.CompletionTime);
            Assert.Equal("FAILED", (await Describe(client, "sequenced")).Status);
            Assert.Equal("FAILED", Listed());
        }

        [Fact]
        public async Task Stopping_a_running_job_shows_STOPPING_then_STOPPED_and_stops_its_unfinished_steps()
        {
            var steps = new[]
            {
                new InferenceRecommendationsJobStep { Status = "COMPLETED" },
                new InferenceRecommendationsJobStep { Status = "IN_PROGRESS" },
            };
            emulator.AddJob("to-stop", steps, new[] { "IN_PROGRESS", "COMPLETED" }, null);
            using IRecommenderClient client = Client();
            Assert.Equal("IN_PROGRESS", (await Describe(client, "to-stop")).Status);

            await client.StopInferenceRecommendationsJobAsync(new StopInferenceRecommendationsJobRequest { JobName = "to-stop" }, None);

            Assert.Equal("STOPPING", (await Describe(client, "to-stop")).Status);
            Assert.Equal(new[] { "COMPLETED", "IN_PROGRESS" }, (await AllSteps(client, "to-stop", 10)).Select(s => s.Status));
            Assert.Equal("STOPPED", (await Describe(client, "to-stop")).Status);
            Assert.Equal(new[] { "COMPLETED", "STOPPED" }, (await AllSteps(client, "to-stop", 10)).Select(s => s.Status));
            var again = await Assert.ThrowsAsync<IRStepsServiceException>(() => client.StopInferenceRecommendationsJobAsync(new StopInferenceRecommendationsJobRequest { JobName = "to-stop" }, None));
            Assert.Equal(ServiceErrorKind.Validation, again.Kind);
            Assert.Contains("cannot be stopped because it is in status STOPPED", again.Message);
        }

        [Fact]
        public async Task Without_sample_jobs_only_added_jobs_exist()
        {
            using EmulatorServer empty = EmulatorServer.Start(new EmulatorOptions { SampleJobs = false });
            empty.AddJob("only-job", null, null, null);
            using IRecommenderClient client = new RecommenderClientFactory().Create(new ConnectionRequest
            {
                AccessKey = empty.Keys.AccessKey, SecretKey = empty.Keys.SecretKey, Region = "us-east-1", EndpointUrl = empty.EndpointUrl,
            });

            var notFound = await Assert.ThrowsAsync<IRStepsServiceException>(() => Describe(client, "nightly-resnet50"));
            var synthetic = await Assert.ThrowsAsync<IRStepsServiceException>(() => Describe(client, "synthetic-5"));
            ListInferenceRecommendationsJobsResponse listed = await client.ListInferenceRecommendationsJobsAsync(new ListInferenceRecommendationsJobsRequest(), None);

            Assert.Equal(ServiceErrorKind.NotFound, notFound.Kind);
            Assert.Equal(ServiceErrorKind.NotFound, synthetic.Kind);
            Assert.Equal(new[] { "only-job" }, listed.InferenceRecommendationsJobs.Select(j => j.JobName));
            Assert.Equal("COMPLETED", listed.InferenceRecommendationsJobs[0].Status);
        }

        [Fact]
        public async Task A_throttle_fault_is_retried_by_the_client_and_fails_it_once_the_attempts_run_out()
        {
            using IRecommenderClient client = Client();
            emulator.Faults.Add("Throttle", jobName: "nightly-resnet50", times: 4);

            var throttled = await Assert.ThrowsAsync<IRStepsServiceException>(() => Describe(client, "nightly-resnet50"));
            DescribeInferenceRecommendationsJobResponse after = await Describe(client, "nightly-resnet50");

            Assert.Equal(ServiceErrorKind.Throttling, throttled.Kind);
            Assert.Equal("COMPLETED", after.Status);
            RequestLogEntry[] requests = emulator.Requests.Snapshot().ToArray();
            Assert.Equal(new[] { 400, 400, 400, 400, 200 }, requests.Select(r => r.StatusCode));
            Assert.Equal(new[] { "Throttle", "Throttle", "Throttle", "Throttle", null }, requests.Select(r => r.Fault));
        }

        [Fact]
        public async Task A_timeout_fault_holds_the_request_until_the_client_gives_up_and_logs_499()
        {
            emulator.Faults.Add("Timeout", operation: "DescribeInferenceRecommendationsJob");
            using IRecommenderClient client = new RecommenderClientFactory().Create(new ConnectionRequest
            {
                AccessKey = emulator.Keys.AccessKey, SecretKey = emulator.Keys.SecretKey, Region = "us-east-1", EndpointUrl = emulator.EndpointUrl,
                RequestTimeout = TimeSpan.FromSeconds(1),
            });

            var timedOut = await Assert.ThrowsAsync<IRStepsServiceException>(() => Describe(client, "nightly-resnet50"));

            Assert.Equal(ServiceErrorKind.Timeout, timedOut.Kind);
            RequestLogEntry held = emulator.Requests.Snapshot().First();
            Assert.Equal("Timeout", held.Fault);
            Assert.True(SpinWait.SpinUntil(() => held.StatusCode == EmulatorServer.ClientClosedRequest, TimeSpan.FromSeconds(5)), "the emulator saw the client leave");
        }

        [Fact]
        public void Knows_every_fault_kind_by_name_and_refuses_others_listing_them()
        {
            foreach (string kind in new[] { "Throttle", "ServiceUnavailable", "AccessDenied", "Timeout", "Hang", "Slow", "Truncated", "ResetMidBody", "RepeatToken", "EmptyPageWithToken", "BadToken", "MalformedJson", "Html200", "Html502", "ServerError", "throttle" })
            {
                emulator.Faults.Add(kind);
            }

            var unknown = Assert.Throws<ArgumentException>(() => emulator.Faults.Add("Meteor"));

            Assert.Equal(16, emulator.Faults.Pending().Count);
            Assert.Equal("Throttle", emulator.Faults.Pending().Last().Kind);
            Assert.Contains("Known kinds: Throttle, ServerError", unknown.Message);
        }

        [Fact]
        public async Task Refuses_a_signature_more_than_15_minutes_off_its_own_clock()
        {
            clock.Now = DateTimeOffset.UtcNow.AddMinutes(20);
            using IRecommenderClient client = Client();

            var expired = await Assert.ThrowsAsync<IRStepsServiceException>(() => Describe(client, "nightly-resnet50"));

            Assert.Equal(ServiceErrorKind.Authentication, expired.Kind);
            Assert.Contains("Signature expired", expired.Message);
            Assert.Equal("InvalidSignatureException", emulator.Requests.Snapshot().Last().ErrorCode);
        }

        [Fact]
        public void Stopping_frees_the_port_and_a_taken_port_is_refused()
        {
            int port = emulator.Port;

            var taken = Assert.ThrowsAny<System.Net.Sockets.SocketException>(() => EmulatorServer.Start(new EmulatorOptions { Port = port }));
            emulator.Dispose();
            using EmulatorServer again = EmulatorServer.Start(new EmulatorOptions { Port = port });

            Assert.Equal(port, again.Port);
            Assert.NotNull(taken);
        }

        private sealed class FakeClock : IClock
        {
            public DateTimeOffset? Now { get; set; }

            public DateTimeOffset UtcNow => Now ?? DateTimeOffset.UtcNow;
        }
    }
}
