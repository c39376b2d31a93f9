using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using IRSteps.Client.SageMaker.Operations;
using IRSteps.Model;
using Xunit;

namespace IRSteps.Tests
{
    /// <summary>Wire tests for DescribeInferenceRecommendationsJob: its marshaller and unmarshaller through the SDK's entry points.</summary>
    public class DescribeInferenceRecommendationsJobWireTests
    {
        [Fact]
        public void Marshaller_sends_a_JSON_1_1_POST_with_the_SageMaker_target()
        {
            var (request, _) = WireHarness.Marshall(DescribeInferenceRecommendationsJobRequestMarshaller.Instance, new DescribeInferenceRecommendationsJobRequest { JobName = "j" });

            Assert.Equal("POST", request.HttpMethod);
            Assert.Equal("/", request.ResourcePath);
            Assert.Equal("SageMaker.DescribeInferenceRecommendationsJob", request.Headers["X-Amz-Target"]);
            Assert.Equal("application/x-amz-json-1.1", request.Headers["Content-Type"]);
        }

        [Fact]
        public void Marshaller_sends_the_job_name()
        {
            var (_, describe) = WireHarness.Marshall(DescribeInferenceRecommendationsJobRequestMarshaller.Instance, new DescribeInferenceRecommendationsJobRequest { JobName = "nightly-resnet50" });

            Assert.Equal("{\"JobName\":\"nightly-resnet50\"}", describe);
        }

        // ---------------------------------------------------------------- answer

        private const string FullDescribe = @"{
          ""JobName"": ""nightly-resnet50"", ""JobDescription"": ""Nightly benchmark"", ""JobType"": ""Advanced"",
          ""JobArn"": ""arn:aws:sagemaker:us-east-1:123456789012:inference-recommendations-job/nightly-resnet50"",
          ""RoleArn"": ""arn:aws:iam::123456789012:role/Role"", ""Status"": ""COMPLETED"",
          ""CreationTime"": 1732790000.123, ""CompletionTime"": 1732795123.5, ""LastModifiedTime"": 1732795124,
          ""FailureReason"": ""partly failed"",
          ""InputConfig"": {
            ""ModelPackageVersionArn"": ""arn:aws:sagemaker:us-east-1:123456789012:model-package/m/1"",
            ""ModelName"": ""resnet50-model"",
            ""JobDurationInSeconds"": 7200,
            ""TrafficPattern"": {
              ""TrafficType"": ""PHASES"",
              ""Phases"": [ { ""InitialNumberOfUsers"": 1, ""SpawnRate"": 2, ""DurationInSeconds"": 120 },
                           { ""InitialNumberOfUsers"": 10, ""SpawnRate"": 3, ""DurationInSeconds"": 300 } ],
              ""Stairs"": { ""DurationInSeconds"": 60, ""NumberOfSteps"": 5, ""UsersPerStep"": 4 }
            },
            ""ResourceLimit"": { ""MaxNumberOfTests"": 10, ""MaxParallelOfTests"": 2 },
            ""EndpointConfigurations"": [
              { ""InstanceType"": ""ml.c5.xlarge"", ""InferenceSpecificationName"": ""spec-a"",
                ""EnvironmentParameterRanges"": { ""CategoricalParameterRanges"": [ { ""Name"": ""OMP_NUM_THREADS"", ""Value"": [ ""1"", ""2"", ""4"" ] } ] } },
              { ""ServerlessConfig"": { ""MemorySizeInMB"": 4096, ""MaxConcurrency"": 5, ""ProvisionedConcurrency"": 2 } }
            ],
            ""VolumeKmsKeyId"": ""arn:aws:kms:us-east-1:123456789012:key/k"",
            ""ContainerConfig"": {
              ""Domain"": ""COMPUTER_VISION"", ""Task"": ""IMAGE_CLASSIFICATION"", ""Framework"": ""PYTORCH"", ""FrameworkVersion"": ""1.13"",
              ""PayloadConfig"": { ""SamplePayloadUrl"": ""s3://b/p.tar.gz"", ""SupportedContentTypes"": [ ""application/x-image"", ""image/png"" ] },
              ""NearestModelName"": ""resnet50"", ""SupportedInstanceTypes"": [ ""ml.c5.xlarge"", ""ml.g4dn.xlarge"" ],
              ""SupportedEndpointType"": ""RealTime"", ""DataInputConfig"": ""{\""input\"":[1,3,224,224]}"",
              ""SupportedResponseMIMETypes"": [ ""application/json"" ]
            },
            ""Endpoints"": [ { ""EndpointName"": ""resnet50-prod"" }, { ""EndpointName"": ""resnet50-canary"" } ],
            ""VpcConfig"": { ""SecurityGroupIds"": [ ""sg-1"" ], ""Subnets"": [ ""subnet-1"", ""subnet-2"" ] }
          },
          ""StoppingConditions"": {
            ""MaxInvocations"": 3000,
            ""ModelLatencyThresholds"": [ { ""Percentile"": ""P95"", ""ValueInMilliseconds"": 100 }, { ""Percentile"": ""P99"", ""ValueInMilliseconds"": 250 } ],
            ""FlatInvocations"": ""Stop""
          },
          ""InferenceRecommendations"": [
            { ""RecommendationId"": ""rec-1"",
              ""Metrics"": { ""CostPerHour"": 0.204, ""CostPerInference"": 2.34e-06, ""MaxInvocations"": 1450, ""ModelLatency"": 38,
                             ""CpuUtilization"": ""NaN"", ""MemoryUtilization"": 38.5, ""ModelSetupTime"": 95 },
              ""EndpointConfiguration"": { ""EndpointName"": ""ep-1"", ""VariantName"": ""v-1"", ""InstanceType"": ""ml.c5.xlarge"", ""InitialInstanceCount"": 2,
                                           ""ServerlessConfig"": { ""MemorySizeInMB"": 2048, ""MaxConcurrency"": 3, ""ProvisionedConcurrency"": 1 } },
              ""ModelConfiguration"": { ""InferenceSpecificationName"": ""spec-a"", ""CompilationJobName"": ""compile-1"",
                                        ""EnvironmentParameters"": [ { ""Key"": ""OMP_NUM_THREADS"", ""ValueType"": ""String"", ""Value"": ""2"" } ] },
              ""InvocationStartTime"": 1732790300.25, ""InvocationEndTime"": 1732790912 }
          ],
          ""EndpointPerformances"": [
            { ""Metrics"": { ""MaxInvocations"": 1180, ""ModelLatency"": 52 }, ""EndpointInfo"": { ""EndpointName"": ""resnet50-prod"" } }
          ]
        }";

        private static DescribeInferenceRecommendationsJobResponse Describe(string body, string requestId = "req-1") =>
            WireHarness.Unmarshall(DescribeInferenceRecommendationsJobResponseUnmarshaller.Instance, body, requestId);

        [Fact]
        public void Describe_unmarshaller_reads_the_job_members()
        {
            DescribeInferenceRecommendationsJobResponse job = Describe(FullDescribe, "req-describe");

            Assert.Equal("req-describe", job.RequestId);
            Assert.Equal("nightly-resnet50", job.JobName);
            Assert.Equal("Nightly benchmark", job.JobDescription);
            Assert.Equal("Advanced", job.JobType);
            Assert.Equal("arn:aws:sagemaker:us-east-1:123456789012:inference-recommendations-job/nightly-resnet50", job.JobArn);
            Assert.Equal("arn:aws:iam::123456789012:role/Role", job.RoleArn);
            Assert.Equal("COMPLETED", job.Status);
            Assert.Equal(new DateTime(2024, 11, 28, 10, 33, 20, 123, DateTimeKind.Utc), job.CreationTime);
            Assert.Equal(new DateTime(2024, 11, 28, 11, 58, 43, 500, DateTimeKind.Utc), job.CompletionTime);
            Assert.Equal(new DateTime(2024, 11, 28, 11, 58, 44, DateTimeKind.Utc), job.LastModifiedTime);
            Assert.All(new[] { job.CreationTime, job.CompletionTime, job.LastModifiedTime }, t => Assert.Equal(DateTimeKind.Utc, t.Value.Kind));
            Assert.Equal("partly failed", job.FailureReason);
        }

        [Fact]
        public void Describe_unmarshaller_reads_every_member_of_InputConfig()
        {
            RecommendationJobInputConfig input = Describe(FullDescribe).InputConfig;

            Assert.Equal("arn:aws:sagemaker:us-east-1:123456789012:model-package/m/1", input.ModelPackageVersionArn);
            Assert.Equal("resnet50-model", input.ModelName);
            Assert.Equal(7200, input.JobDurationInSeconds);

            Assert.Equal("PHASES", input.TrafficPattern.TrafficType);
            Assert.Equal(new[] { "1/2/120", "10/3/300" }, input.TrafficPattern.Phases.Select(p => p.InitialNumberOfUsers + "/" + p.SpawnRate + "/" + p.DurationInSeconds));
            Assert.Equal(60, input.TrafficPattern.Stairs.DurationInSeconds);
            Assert.Equal(5, input.TrafficPattern.Stairs.NumberOfSteps);
            Assert.Equal(4, input.TrafficPattern.Stairs.UsersPerStep);

            Assert.Equal(10, input.ResourceLimit.MaxNumberOfTests);
            Assert.Equal(2, input.ResourceLimit.MaxParallelOfTests);

            Assert.Equal(2, input.EndpointConfigurations.Count);
            EndpointInputConfiguration instance = input.EndpointConfigurations[0];
            Assert.Equal("ml.c5.xlarge", instance.InstanceType);
            Assert.Equal("spec-a", instance.InferenceSpecificationName);
            CategoricalParameterRange range = Assert.Single(instance.EnvironmentParameterRanges.CategoricalParameterRanges);
            Assert.Equal("OMP_NUM_THREADS", range.Name);
            Assert.Equal(new[] { "1", "2", "4" }, range.Value);
            Assert.Null(instance.ServerlessConfig);
            ProductionVariantServerlessConfig serverless = input.EndpointConfigurations[1].ServerlessConfig;
            Assert.Equal(4096, serverless.MemorySizeInMB);
            Assert.Equal(5, serverless.MaxConcurrency);
            Assert.Equal(2, serverless.ProvisionedConcurrency);
            Assert.Null(input.EndpointConfigurations[1].InstanceType);

            Assert.Equal("arn:aws:kms:us-east-1:123456789012:key/k", input.VolumeKmsKeyId);

            RecommendationJobContainerConfig container = input.ContainerConfig;
            Assert.Equal("COMPUTER_VISION", container.Domain);
            Assert.Equal("IMAGE_CLASSIFICATION", container.Task);
            Assert.Equal("PYTORCH", container.Framework);
            Assert.Equal("1.13", container.FrameworkVersion);
            Assert.Equal("s3://b/p.tar.gz", container.PayloadConfig.SamplePayloadUrl);
            Assert.Equal(new[] { "application/x-image", "image/png" }, container.PayloadConfig.SupportedContentTypes);
            Assert.Equal("resnet50", container.NearestModelName);
            Assert.Equal(new[] { "ml.c5.xlarge", "ml.g4dn.xlarge" }, container.SupportedInstanceTypes);
            Assert.Equal("RealTime", container.SupportedEndpointType);
            Assert.Equal("{\"input\":[1,3,224,224]}", container.DataInputConfig);
            Assert.Equal(new[] { "application/json" }, container.SupportedResponseMIMETypes);

            Assert.Equal(new[] { "resnet50-prod", "resnet50-canary" }, input.Endpoints.Select(e => e.EndpointName));
            Assert.Equal(new[] { "sg-1" }, input.VpcConfig.SecurityGroupIds);
            Assert.Equal(new[] { "subnet-1", "subnet-2" }, input.VpcConfig.Subnets);
        }

        [Fact]
        public void Describe_unmarshaller_reads_every_member_of_StoppingConditions()
        {
            RecommendationJobStoppingConditions stopping = Describe(FullDescribe).StoppingConditions;

            Assert.Equal(3000, stopping.MaxInvocations);
            Assert.Equal(new[] { "P95<100", "P99<250" }, stopping.ModelLatencyThresholds.Select(t => t.Percentile + "<" + t.ValueInMilliseconds));
            Assert.Equal("Stop", stopping.FlatInvocations);
        }

        [Fact]
        public void Describe_unmarshaller_reads_every_member_of_a_recommendation()
        {
            InferenceRecommendation recommendation = Assert.Single(Describe(FullDescribe).InferenceRecommendations);

            Assert.Equal("rec-1", recommendation.RecommendationId);
            Assert.Equal(0.204, recommendation.Metrics.CostPerHour);
            Assert.Equal(2.34e-06, recommendation.Metrics.CostPerInference);
            Assert.Equal(1450, recommendation.Metrics.MaxInvocations);
            Assert.Equal(38, recommendation.Metrics.ModelLatency);
            Assert.True(double.IsNaN(recommendation.Metrics.CpuUtilization.Value));
            Assert.Equal(38.5, recommendation.Metrics.MemoryUtilization);
            Assert.Equal(95, recommendation.Metrics.ModelSetupTime);
            Assert.Equal("ep-1", recommendation.EndpointConfiguration.EndpointName);
            Assert.Equal("v-1", recommendation.EndpointConfiguration.VariantName);
            Assert.Equal("ml.c5.xlarge", recommendation.EndpointConfiguration.InstanceType);
            Assert.Equal(2, recommendation.EndpointConfiguration.InitialInstanceCount);
            Assert.Equal(2048, recommendation.EndpointConfiguration.ServerlessConfig.MemorySizeInMB);
            Assert.Equal(3, recommendation.EndpointConfiguration.ServerlessConfig.MaxConcurrency);
            Assert.Equal(1, recommendation.EndpointConfiguration.ServerlessConfig.ProvisionedConcurrency);
            Assert.Equal("spec-a", recommendation.ModelConfiguration.InferenceSpecificationName);
            Assert.Equal("compile-1", recommendation.ModelConfiguration.CompilationJobName);
            EnvironmentParameter parameter = Assert.Single(recommendation.ModelConfiguration.EnvironmentParameters);
            Assert.Equal("OMP_NUM_THREADS/String/2", parameter.Key + "/" + parameter.ValueType + "/" + parameter.Value);
            Assert.Equal(new DateTime(2024, 11, 28, 10, 38, 20, 250, DateTimeKind.Utc), recommendation.InvocationStartTime);
            Assert.Equal(new DateTime(2024, 11, 28, 10, 48, 32, DateTimeKind.Utc), recommendation.InvocationEndTime);
        }

        [Fact]
        public void Describe_unmarshaller_reads_the_existing_endpoints_performance()
        {
            EndpointPerformance performance = Assert.Single(Describe(FullDescribe).EndpointPerformances);

            Assert.Equal(1180, performance.Metrics.MaxInvocations);
            Assert.Equal(52, performance.Metrics.ModelLatency);
            Assert.Equal("resnet50-prod", performance.EndpointInfo.EndpointName);
        }

        [Fact]
        public void Describe_lists_are_plain_Lists_not_SDK_types()
        {
            DescribeInferenceRecommendationsJobResponse job = Describe(FullDescribe);

            Assert.Equal(typeof(List<InferenceRecommendation>), job.InferenceRecommendations.GetType());
            Assert.Equal(typeof(List<EndpointPerformance>), job.EndpointPerformances.GetType());
            Assert.Equal(typeof(List<EndpointInputConfiguration>), job.InputConfig.EndpointConfigurations.GetType());
            Assert.Equal(typeof(List<string>), job.InputConfig.VpcConfig.Subnets.GetType());
            Assert.Equal(typeof(List<ModelLatencyThreshold>), job.StoppingConditions.ModelLatencyThresholds.GetType());
            Assert.Equal(typeof(List<EnvironmentParameter>), job.InferenceRecommendations[0].ModelConfiguration.EnvironmentParameters.GetType());
        }

        [Fact]
        public void Describe_absent_members_stay_null()
        {
            DescribeInferenceRecommendationsJobResponse job = Describe(@"{""JobName"":""j"",""Status"":""IN_PROGRESS"",
              ""InputConfig"":{""TrafficPattern"":{},""EndpointConfigurations"":[{}],""ContainerConfig"":{""PayloadConfig"":{}}},
              ""StoppingConditions"":{}, ""InferenceRecommendations"":[{""Metrics"":{}}], ""EndpointPerformances"":[{}]}");

            Assert.Null(job.JobDescription);
            Assert.Null(job.CompletionTime);
            Assert.Null(job.CreationTime);
            Assert.Null(job.FailureReason);
            Assert.Null(job.InputConfig.ModelName);
            Assert.Null(job.InputConfig.JobDurationInSeconds);
            Assert.Null(job.InputConfig.TrafficPattern.Phases);
            Assert.Null(job.InputConfig.TrafficPattern.Stairs);
            Assert.Null(job.InputConfig.ResourceLimit);
            Assert.Null(job.InputConfig.EndpointConfigurations[0].ServerlessConfig);
            Assert.Null(job.InputConfig.EndpointConfigurations[0].EnvironmentParameterRanges);
            Assert.Null(job.InputConfig.ContainerConfig.SupportedInstanceTypes);
            Assert.Null(job.InputConfig.ContainerConfig.PayloadConfig.SupportedContentTypes);
            Assert.Null(job.InputConfig.Endpoints);
            Assert.Null(job.InputConfig.VpcConfig);
            Assert.Null(job.StoppingConditions.MaxInvocations);
            Assert.Null(job.StoppingConditions.ModelLatencyThresholds);
            Assert.Null(job.InferenceRecommendations[0].Metrics.CostPerHour);
            Assert.Null(job.InferenceRecommendations[0].Metrics.MaxInvocations);
            Assert.Null(job.InferenceRecommendations[0].EndpointConfiguration);
            Assert.Null(job.InferenceRecommendations[0].InvocationStartTime);
            Assert.Null(job.EndpointPerformances[0].Metrics);
            Assert.Null(job.EndpointPerformances[0].EndpointInfo);
        }

        [Fact]
        public void Describe_of_a_bare_job_has_no_nested_objects()
        {
            DescribeInferenceRecommendationsJobResponse job = Describe("{\"JobName\":\"j\",\"Status\":\"PENDING\"}");

            Assert.Equal("PENDING", job.Status);
            Assert.Null(job.InputConfig);
            Assert.Null(job.StoppingConditions);
            Assert.Null(job.InferenceRecommendations);
            Assert.Null(job.EndpointPerformances);
        }

        [Fact]
        public void Describe_skips_unknown_members_at_every_level()
        {
            DescribeInferenceRecommendationsJobResponse job = Describe(@"{""Future"":{""JobName"":""not-me"",""Status"":[1,2]},""JobName"":""j"",
              ""InputConfig"":{""NewKnob"":{""a"":[{""b"":1}]},""ModelName"":""m"",""TrafficPattern"":{""Shape"":""x"",""TrafficType"":""STAIRS""}},
              ""InferenceRecommendations"":[{""Extra"":[],""RecommendationId"":""r"",""Metrics"":{""P99"":3,""ModelLatency"":7}}],
              ""Status"":""A_NEW_STATUS"",""Trailer"":null}");

            Assert.Equal("j", job.JobName);
            Assert.Equal("A_NEW_STATUS", job.Status);
            Assert.Equal("m", job.InputConfig.ModelName);
            Assert.Equal("STAIRS", job.InputConfig.TrafficPattern.TrafficType);
            Assert.Equal("r", job.InferenceRecommendations[0].RecommendationId);
            Assert.Equal(7, job.InferenceRecommendations[0].Metrics.ModelLatency);
        }

        [Fact]
        public void Describe_error_keeps_ResourceNotFound_and_the_request_id()
        {
            var error = WireHarness.UnmarshallError(DescribeInferenceRecommendationsJobResponseUnmarshaller.Instance, HttpStatusCode.BadRequest,
                "{\"__type\":\"ResourceNotFound\",\"message\":\"Inference recommendations job nope not found.\"}",
                new Dictionary<string, string> { ["x-amzn-RequestId"] = "req-404" });

            Assert.Equal("ResourceNotFound", error.ErrorCode);
            Assert.Equal("Inference recommendations job nope not found.", error.Message);
            Assert.Equal("req-404", error.RequestId);
        }
    }
}
