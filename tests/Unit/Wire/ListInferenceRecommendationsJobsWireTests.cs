using System;
using System.Linq;
using System.Text.Json;
using IRSteps.Client.SageMaker.Operations;
using IRSteps.Model;
using Xunit;

namespace IRSteps.Tests
{
    /// <summary>Wire tests for ListInferenceRecommendationsJobs: its marshaller and unmarshaller through the SDK's entry points.</summary>
    public class ListInferenceRecommendationsJobsWireTests
    {
        [Fact]
        public void Marshaller_sends_a_JSON_1_1_POST_with_the_SageMaker_target()
        {
            var (request, _) = WireHarness.Marshall(ListInferenceRecommendationsJobsRequestMarshaller.Instance, new ListInferenceRecommendationsJobsRequest());

            Assert.Equal("POST", request.HttpMethod);
            Assert.Equal("/", request.ResourcePath);
            Assert.Equal("SageMaker.ListInferenceRecommendationsJobs", request.Headers["X-Amz-Target"]);
            Assert.Equal("application/x-amz-json-1.1", request.Headers["Content-Type"]);
        }

        [Fact]
        public void List_marshaller_writes_every_member_with_times_as_epoch_seconds()
        {
            var input = new ListInferenceRecommendationsJobsRequest
            {
                CreationTimeAfter = new DateTime(2024, 11, 28, 10, 33, 20, 500, DateTimeKind.Utc),
                CreationTimeBefore = new DateTime(2024, 11, 29, 0, 0, 0, DateTimeKind.Utc),
                LastModifiedTimeAfter = new DateTime(1970, 1, 1, 0, 0, 1, DateTimeKind.Utc),
                LastModifiedTimeBefore = new DateTime(2030, 1, 1, 0, 0, 0, 250, DateTimeKind.Utc),
                NameContains = "nightly",
                StatusEquals = "COMPLETED",
                SortBy = "Name",
                SortOrder = "Ascending",
                NextToken = "tok-1",
                MaxResults = 50,
                ModelNameEquals = "resnet50-model",
                ModelPackageVersionArnEquals = "arn:aws:sagemaker:us-east-1:123456789012:model-package/bert-base/3",
            };

            var (_, body) = WireHarness.Marshall(ListInferenceRecommendationsJobsRequestMarshaller.Instance, input);

            using var document = JsonDocument.Parse(body);
            JsonElement root = document.RootElement;
            Assert.Equal(
                new[]
                {
                    "CreationTimeAfter", "CreationTimeBefore", "LastModifiedTimeAfter", "LastModifiedTimeBefore", "NameContains", "StatusEquals",
                    "SortBy", "SortOrder", "NextToken", "MaxResults", "ModelNameEquals", "ModelPackageVersionArnEquals",
                },
                root.EnumerateObject().Select(p => p.Name));
            Assert.Equal(JsonValueKind.Number, root.GetProperty("CreationTimeAfter").ValueKind);
            Assert.Equal(1732790000.5, root.GetProperty("CreationTimeAfter").GetDouble());
            Assert.Equal(1732838400, root.GetProperty("CreationTimeBefore").GetDouble());
            Assert.Equal(1, root.GetProperty("LastModifiedTimeAfter").GetDouble());
            Assert.Equal(1893456000.25, root.GetProperty("LastModifiedTimeBefore").GetDouble());
            Assert.Equal("nightly", root.GetProperty("NameContains").GetString());
            Assert.Equal("COMPLETED", root.GetProperty("StatusEquals").GetString());
            Assert.Equal("Name", root.GetProperty("SortBy").GetString());
            Assert.Equal("Ascending", root.GetProperty("SortOrder").GetString());
            Assert.Equal("tok-1", root.GetProperty("NextToken").GetString());
            Assert.Equal(50, root.GetProperty("MaxResults").GetInt32());
            Assert.Equal("resnet50-model", root.GetProperty("ModelNameEquals").GetString());
            Assert.Equal("arn:aws:sagemaker:us-east-1:123456789012:model-package/bert-base/3", root.GetProperty("ModelPackageVersionArnEquals").GetString());
        }

        [Fact]
        public void List_marshaller_converts_local_and_unspecified_times_to_UTC()
        {
            var local = new DateTime(2024, 11, 28, 10, 33, 20, DateTimeKind.Local);
            var unspecified = new DateTime(2024, 11, 28, 10, 33, 20, DateTimeKind.Unspecified);
            double expected = (local.ToUniversalTime() - DateTime.UnixEpoch).TotalSeconds;

            var (_, body) = WireHarness.Marshall(ListInferenceRecommendationsJobsRequestMarshaller.Instance, new ListInferenceRecommendationsJobsRequest { CreationTimeAfter = local, CreationTimeBefore = unspecified });

            using var document = JsonDocument.Parse(body);
            Assert.Equal(expected, document.RootElement.GetProperty("CreationTimeAfter").GetDouble());
            Assert.Equal(expected, document.RootElement.GetProperty("CreationTimeBefore").GetDouble());
        }

        [Fact]
        public void List_marshaller_sends_an_empty_object_when_nothing_is_set()
        {
            var (_, body) = WireHarness.Marshall(ListInferenceRecommendationsJobsRequestMarshaller.Instance, new ListInferenceRecommendationsJobsRequest());
            Assert.Equal("{}", body);
        }

        // ---------------------------------------------------------------- answer

        private const string FullJobSummary = @"{
          ""JobName"": ""nightly-resnet50"", ""JobDescription"": ""Nightly benchmark"", ""JobType"": ""Advanced"",
          ""JobArn"": ""arn:aws:sagemaker:us-east-1:123456789012:inference-recommendations-job/nightly-resnet50"",
          ""Status"": ""FAILED"", ""CreationTime"": 1732790000.123, ""CompletionTime"": 1732795123.5,
          ""RoleArn"": ""arn:aws:iam::123456789012:role/Role"", ""LastModifiedTime"": 1732795124,
          ""FailureReason"": ""out of memory"", ""ModelName"": ""resnet50-model"", ""SamplePayloadUrl"": ""s3://b/p.tar.gz"",
          ""ModelPackageVersionArn"": ""arn:aws:sagemaker:us-east-1:123456789012:model-package/m/1""
        }";

        [Fact]
        public void List_unmarshaller_reads_every_member_of_a_job()
        {
            var page = WireHarness.Unmarshall(ListInferenceRecommendationsJobsResponseUnmarshaller.Instance,
                "{\"InferenceRecommendationsJobs\":[" + FullJobSummary + "],\"NextToken\":\"next-2\"}", "req-7");

            Assert.Equal("next-2", page.NextToken);
            Assert.Equal("req-7", page.RequestId);
            InferenceRecommendationsJob job = Assert.Single(page.InferenceRecommendationsJobs);
            Assert.Equal("nightly-resnet50", job.JobName);
            Assert.Equal("Nightly benchmark", job.JobDescription);
            Assert.Equal("Advanced", job.JobType);
            Assert.Equal("arn:aws:sagemaker:us-east-1:123456789012:inference-recommendations-job/nightly-resnet50", job.JobArn);
            Assert.Equal("FAILED", job.Status);
            Assert.Equal(new DateTime(2024, 11, 28, 10, 33, 20, 123, DateTimeKind.Utc), job.CreationTime);
            Assert.Equal(DateTimeKind.Utc, job.CreationTime.Value.Kind);
            Assert.Equal(new DateTime(2024, 11, 28, 11, 58, 43, 500, DateTimeKind.Utc), job.CompletionTime);
            Assert.Equal("arn:aws:iam::123456789012:role/Role", job.RoleArn);
            Assert.Equal(new DateTime(2024, 11, 28, 11, 58, 44, DateTimeKind.Utc), job.LastModifiedTime);
            Assert.Equal("out of memory", job.FailureReason);
            Assert.Equal("resnet50-model", job.ModelName);
            Assert.Equal("s3://b/p.tar.gz", job.SamplePayloadUrl);
            Assert.Equal("arn:aws:sagemaker:us-east-1:123456789012:model-package/m/1", job.ModelPackageVersionArn);
        }

        [Fact]
        public void List_unmarshaller_leaves_absent_members_null_and_skips_unknown_ones()
        {
            var page = WireHarness.Unmarshall(ListInferenceRecommendationsJobsResponseUnmarshaller.Instance,
                "{\"New\":{\"x\":[1]},\"InferenceRecommendationsJobs\":[{\"JobName\":\"j\",\"Status\":\"SOME_NEW_STATUS\",\"Later\":[{\"JobName\":\"not-me\"}]}]}");

            InferenceRecommendationsJob job = Assert.Single(page.InferenceRecommendationsJobs);
            Assert.Equal("j", job.JobName);
            Assert.Equal("SOME_NEW_STATUS", job.Status);
            Assert.Null(job.CreationTime);
            Assert.Null(job.CompletionTime);
            Assert.Null(job.LastModifiedTime);
            Assert.Null(job.FailureReason);
            Assert.Null(job.ModelName);
            Assert.Null(job.ModelPackageVersionArn);
            Assert.Null(page.NextToken);
        }

        [Theory]
        [InlineData("{}")]
        [InlineData("{\"InferenceRecommendationsJobs\":[]}")]
        [InlineData("{\"InferenceRecommendationsJobs\":null}")]
        public void An_empty_job_page_has_an_empty_list(string body)
        {
            var page = WireHarness.Unmarshall(ListInferenceRecommendationsJobsResponseUnmarshaller.Instance, body);
            Assert.NotNull(page.InferenceRecommendationsJobs);
            Assert.Empty(page.InferenceRecommendationsJobs);
        }

        [Fact]
        public void Many_jobs_keep_their_order()
        {
            string jobs = string.Join(",", Enumerable.Range(0, 120).Select(i => "{\"JobName\":\"job-" + i + "\"}"));
            var page = WireHarness.Unmarshall(ListInferenceRecommendationsJobsResponseUnmarshaller.Instance, "{\"InferenceRecommendationsJobs\":[" + jobs + "]}");
            Assert.Equal(Enumerable.Range(0, 120).Select(i => "job-" + i), page.InferenceRecommendationsJobs.Select(j => j.JobName));
        }
    }
}
