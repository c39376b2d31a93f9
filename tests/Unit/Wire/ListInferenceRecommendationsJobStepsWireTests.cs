using System;
using System.Linq;
using System.Net;
using System.Text.Json;
using IRSteps.Client.SageMaker.Operations;
using IRSteps.Model;
using Xunit;

namespace IRSteps.Tests
{
    public class ListInferenceRecommendationsJobStepsWireTests
    {
        private const string Operation = "ListInferenceRecommendationsJobSteps";

        [Fact]
        public void Marshaller_sends_a_JSON_1_1_POST_with_the_SageMaker_target()
        {
            var (request, _) = WireHarness.Marshall(ListInferenceRecommendationsJobStepsRequestMarshaller.Instance, new ListInferenceRecommendationsJobStepsRequest { JobName = "job-1" });

            Assert.Equal("POST", request.HttpMethod);
            Assert.Equal("/", request.ResourcePath);
            Assert.Equal("SageMaker.ListInferenceRecommendationsJobSteps", request.Headers["X-Amz-Target"]);
            Assert.Equal("application/x-amz-json-1.1", request.Headers["Content-Type"]);
        }

        [Fact]
        public void Marshaller_writes_every_member_that_is_set()
        {
            var (_, body) = WireHarness.Marshall(ListInferenceRecommendationsJobStepsRequestMarshaller.Instance, new ListInferenceRecommendationsJobStepsRequest { JobName = "job-1", Status = "COMPLETED", StepType = "BENCHMARK", MaxResults = 100, NextToken = "tok/+=" });

            Assert.Equal("{\"JobName\":\"job-1\",\"Status\":\"COMPLETED\",\"StepType\":\"BENCHMARK\",\"MaxResults\":100,\"NextToken\":\"tok/\\u002B=\"}", body);
            using var document = JsonDocument.Parse(body);
            Assert.Equal("tok/+=", document.RootElement.GetProperty("NextToken").GetString());
        }

        [Fact]
        public void Marshaller_leaves_out_members_that_are_not_set()
        {
            var (_, body) = WireHarness.Marshall(ListInferenceRecommendationsJobStepsRequestMarshaller.Instance, new ListInferenceRecommendationsJobStepsRequest { JobName = "job-1" });

            Assert.Equal("{\"JobName\":\"job-1\"}", body);
        }

        private const string FullStep = @"{
          ""StepType"": ""BENCHMARK"", ""JobName"": ""job-1"", ""Status"": ""COMPLETED"",
          ""InferenceBenchmark"": {
            ""Metrics"": { ""CostPerHour"": 0.204, ""CostPerInference"": 1.23E-05, ""MaxInvocations"": 1450, ""ModelLatency"": 38,
                           ""CpuUtilization"": 61.5, ""MemoryUtilization"": 22.25, ""ModelSetupTime"": 95 },
            ""EndpointMetrics"": { ""MaxInvocations"": 1180, ""ModelLatency"": 52 },
            ""EndpointConfiguration"": { ""EndpointName"": ""ep-1"", ""VariantName"": ""AllTraffic"", ""InstanceType"": ""ml.c5.xlarge"", ""InitialInstanceCount"": 2,
                                         ""ServerlessConfig"": { ""MemorySizeInMB"": 2048, ""MaxConcurrency"": 5, ""ProvisionedConcurrency"": 1 } },
            ""ModelConfiguration"": { ""InferenceSpecificationName"": ""spec-a"", ""CompilationJobName"": ""compile-1"",
                                      ""EnvironmentParameters"": [ { ""Key"": ""OMP_NUM_THREADS"", ""ValueType"": ""String"", ""Value"": ""4"" },
                                                                   { ""Key"": ""BATCH"", ""ValueType"": ""String"", ""Value"": ""8"" } ] },
            ""FailureReason"": ""none"",
            ""InvocationStartTime"": 1732790000.5,
            ""InvocationEndTime"": 1732790600
          }
        }";

        [Fact]
        public void Unmarshaller_reads_every_member_of_a_step()
        {
            var page = WireHarness.Unmarshall(ListInferenceRecommendationsJobStepsResponseUnmarshaller.Instance,
                "{\"Steps\":[" + FullStep + "],\"NextToken\":\"next-1\"}", "req-42");

            Assert.Equal("next-1", page.NextToken);
            Assert.Equal("req-42", page.RequestId);
            InferenceRecommendationsJobStep step = Assert.Single(page.Steps);
            Assert.Equal("BENCHMARK", step.StepType);
            Assert.Equal("job-1", step.JobName);
            Assert.Equal("COMPLETED", step.Status);

            RecommendationJobInferenceBenchmark benchmark = step.InferenceBenchmark;
            Assert.Equal(0.204, benchmark.Metrics.CostPerHour);
            Assert.Equal(1.23E-05, benchmark.Metrics.CostPerInference);
            Assert.Equal(1450, benchmark.Metrics.MaxInvocations);
            Assert.Equal(38, benchmark.Metrics.ModelLatency);
            Assert.Equal(61.5, benchmark.Metrics.CpuUtilization);
            Assert.Equal(22.25, benchmark.Metrics.MemoryUtilization);
            Assert.Equal(95, benchmark.Metrics.ModelSetupTime);
            Assert.Equal(1180, benchmark.EndpointMetrics.MaxInvocations);
            Assert.Equal(52, benchmark.EndpointMetrics.ModelLatency);
            Assert.Equal("ep-1", benchmark.EndpointConfiguration.EndpointName);
            Assert.Equal("AllTraffic", benchmark.EndpointConfiguration.VariantName);
            Assert.Equal("ml.c5.xlarge", benchmark.EndpointConfiguration.InstanceType);
            Assert.Equal(2, benchmark.EndpointConfiguration.InitialInstanceCount);
            Assert.Equal(2048, benchmark.EndpointConfiguration.ServerlessConfig.MemorySizeInMB);
            Assert.Equal(5, benchmark.EndpointConfiguration.ServerlessConfig.MaxConcurrency);
            Assert.Equal(1, benchmark.EndpointConfiguration.ServerlessConfig.ProvisionedConcurrency);
            Assert.Equal("spec-a", benchmark.ModelConfiguration.InferenceSpecificationName);
            Assert.Equal("compile-1", benchmark.ModelConfiguration.CompilationJobName);
            Assert.Equal(new[] { "OMP_NUM_THREADS=String:4", "BATCH=String:8" },
                benchmark.ModelConfiguration.EnvironmentParameters.Select(p => p.Key + "=" + p.ValueType + ":" + p.Value));
            Assert.Equal("none", benchmark.FailureReason);
        }

        [Fact]
        public void Timestamps_in_epoch_seconds_become_UTC_DateTime()
        {
            var page = WireHarness.Unmarshall(ListInferenceRecommendationsJobStepsResponseUnmarshaller.Instance, "{\"Steps\":[" + FullStep + "]}");
            RecommendationJobInferenceBenchmark benchmark = page.Steps[0].InferenceBenchmark;

            Assert.Equal(new DateTime(2024, 11, 28, 10, 33, 20, 500, DateTimeKind.Utc), benchmark.InvocationStartTime);
            Assert.Equal(DateTimeKind.Utc, benchmark.InvocationStartTime.Value.Kind);
            Assert.Equal(new DateTime(2024, 11, 28, 10, 43, 20, DateTimeKind.Utc), benchmark.InvocationEndTime);
        }

        [Theory]
        [InlineData("\"NaN\"", double.NaN)]
        [InlineData("\"Infinity\"", double.PositiveInfinity)]
        [InlineData("\"-Infinity\"", double.NegativeInfinity)]
        [InlineData("0", 0.0)]
        [InlineData("1e-9", 1e-9)]
        public void Floats_accept_the_special_values_AWS_JSON_sends_as_strings(string wire, double expected)
        {
            var page = WireHarness.Unmarshall(ListInferenceRecommendationsJobStepsResponseUnmarshaller.Instance,
                "{\"Steps\":[{\"StepType\":\"BENCHMARK\",\"JobName\":\"j\",\"Status\":\"COMPLETED\",\"InferenceBenchmark\":{\"Metrics\":{\"CpuUtilization\":" + wire + ",\"CostPerHour\":" + wire + "}}}]}");

            Assert.Equal(expected, page.Steps[0].InferenceBenchmark.Metrics.CpuUtilization);
            Assert.Equal(expected, page.Steps[0].InferenceBenchmark.Metrics.CostPerHour);
        }

        [Fact]
        public void Absent_members_stay_null_never_zero()
        {
            var page = WireHarness.Unmarshall(ListInferenceRecommendationsJobStepsResponseUnmarshaller.Instance,
                "{\"Steps\":[{\"StepType\":\"BENCHMARK\",\"JobName\":\"j\",\"Status\":\"FAILED\",\"InferenceBenchmark\":{\"ModelConfiguration\":{},\"Metrics\":{}}}]}");

            InferenceRecommendationsJobStep step = page.Steps[0];
            Assert.Null(step.InferenceBenchmark.EndpointMetrics);
            Assert.Null(step.InferenceBenchmark.EndpointConfiguration);
            Assert.Null(step.InferenceBenchmark.FailureReason);
            Assert.Null(step.InferenceBenchmark.InvocationStartTime);
            Assert.Null(step.InferenceBenchmark.Metrics.CostPerHour);
            Assert.Null(step.InferenceBenchmark.Metrics.MaxInvocations);
            Assert.Null(step.InferenceBenchmark.Metrics.ModelSetupTime);
            Assert.Null(step.InferenceBenchmark.ModelConfiguration.EnvironmentParameters);
            Assert.Null(page.NextToken);
        }

        [Fact]
        public void Unknown_members_at_every_level_are_skipped()
        {
            const string body = @"{""Brand"":{""New"":[1,{""x"":[]}]},""Steps"":[{""NewTop"":""x"",""StepType"":""BENCHMARK"",""Extra"":[{""a"":{""b"":1}}],
              ""JobName"":""j"",""Status"":""SOME_NEW_STATUS"",""InferenceBenchmark"":{""FutureMetric"":{""X"":1},""Metrics"":{""Later"":true,""ModelLatency"":7},
              ""EndpointMetrics"":{""P99"":3,""ModelLatency"":9}}}],""NextToken"":""t"",""Trailer"":null}";

            var page = WireHarness.Unmarshall(ListInferenceRecommendationsJobStepsResponseUnmarshaller.Instance, body);

            InferenceRecommendationsJobStep step = Assert.Single(page.Steps);
            Assert.Equal("SOME_NEW_STATUS", step.Status);
            Assert.Equal("j", step.JobName);
            Assert.Equal(7, step.InferenceBenchmark.Metrics.ModelLatency);
            Assert.Equal(9, step.InferenceBenchmark.EndpointMetrics.ModelLatency);
            Assert.Equal("t", page.NextToken);
        }

        [Theory]
        [InlineData("{}")]
        [InlineData("{\"Steps\":[]}")]
        [InlineData("{\"Steps\":null}")]
        public void An_empty_page_has_no_steps_and_no_null_list(string body)
        {
            var page = WireHarness.Unmarshall(ListInferenceRecommendationsJobStepsResponseUnmarshaller.Instance, body);

            Assert.NotNull(page.Steps);
            Assert.Empty(page.Steps);
        }

        [Fact]
        public void Many_steps_keep_their_order()
        {
            string steps = string.Join(",", Enumerable.Range(0, 250).Select(i => "{\"StepType\":\"BENCHMARK\",\"JobName\":\"j\",\"Status\":\"COMPLETED\",\"InferenceBenchmark\":{\"Metrics\":{\"MaxInvocations\":" + i + "}}}"));
            var page = WireHarness.Unmarshall(ListInferenceRecommendationsJobStepsResponseUnmarshaller.Instance, "{\"Steps\":[" + steps + "]}");

            Assert.Equal(Enumerable.Range(0, 250), page.Steps.Select(s => s.InferenceBenchmark.Metrics.MaxInvocations.Value));
        }

        [Theory]
        [InlineData("{\"__type\":\"com.amazonaws.sagemaker#ResourceNotFound\",\"Message\":\"gone\"}", null, "ResourceNotFound", "gone")]
        [InlineData("{\"__type\":\"ValidationException\",\"message\":\"bad\"}", null, "ValidationException", "bad")]
        [InlineData("{\"message\":\"slow down\"}", "ThrottlingException:http://internal.amazon.com/coral/com.amazon.coral.availability/", "ThrottlingException", "slow down")]
        public void Errors_keep_the_code_after_the_hash_or_from_x_amzn_ErrorType(string body, string errorTypeHeader, string code, string message)
        {
            var headers = new System.Collections.Generic.Dictionary<string, string> { ["x-amzn-RequestId"] = "req-9" };
            if (errorTypeHeader != null) headers["x-amzn-ErrorType"] = errorTypeHeader;

            var error = WireHarness.UnmarshallError(ListInferenceRecommendationsJobStepsResponseUnmarshaller.Instance, HttpStatusCode.BadRequest, body, headers);

            Assert.Equal(code, error.ErrorCode);
            Assert.Equal(message, error.Message);
            Assert.Equal("req-9", error.RequestId);
            Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        }
    }
}
