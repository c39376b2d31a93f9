using System;
using System.Collections.Generic;
using IRSteps.Model;
using IRSteps.Report;

namespace IRSteps.Tests
{
    /// <summary>Steps and jobs for the report's tests: the emulator's nightly-resnet50, built in C#.</summary>
    internal static class ReportSamples
    {
        public static InferenceRecommendationsJobStep Step(string job, string status, string instanceType, int count, double? costPerHour,
            double? costPerInference, int? maxInvocations, int? latency, string failureReason = null, int? endpointInvocations = 1180, int? endpointLatency = 52)
        {
            return new InferenceRecommendationsJobStep
            {
                JobName = job,
                StepType = "BENCHMARK",
                Status = status,
                InferenceBenchmark = new RecommendationJobInferenceBenchmark
                {
                    EndpointConfiguration = new EndpointOutputConfiguration { InstanceType = instanceType, InitialInstanceCount = count },
                    Metrics = failureReason != null ? null : new RecommendationMetrics
                    {
                        CostPerHour = costPerHour,
                        CostPerInference = costPerInference,
                        MaxInvocations = maxInvocations,
                        ModelLatency = latency,
                        CpuUtilization = 50.5,
                        MemoryUtilization = double.NaN,
                        ModelSetupTime = 90,
                    },
                    EndpointMetrics = failureReason != null ? null : new InferenceMetrics { MaxInvocations = endpointInvocations, ModelLatency = endpointLatency },
                    FailureReason = failureReason,
                    InvocationStartTime = new DateTime(2024, 11, 28, 10, 38, 20, DateTimeKind.Utc),
                    InvocationEndTime = new DateTime(2024, 11, 28, 11, 58, 32, DateTimeKind.Utc),
                },
            };
        }

        /// <summary>nightly-resnet50's eight steps: seven COMPLETED (steps 4 and 5 on the Pareto front), step 7 FAILED.</summary>
        public static List<InferenceRecommendationsJobStep> ResnetSteps(string job = "nightly-resnet50")
        {
            var serverless = Step(job, "COMPLETED", null, 0, 0, 0.0000167, 610, 88);
            serverless.InferenceBenchmark.EndpointConfiguration = new EndpointOutputConfiguration
            {
                ServerlessConfig = new ProductionVariantServerlessConfig { MemorySizeInMB = 4096, MaxConcurrency = 5 },
            };
            return new List<InferenceRecommendationsJobStep>
            {
                Step(job, "COMPLETED", "ml.c5.xlarge", 1, 0.204, 0.00000234, 1450, 38),
                Step(job, "COMPLETED", "ml.c5.2xlarge", 1, 0.408, 0.00000235, 2890, 31),
                Step(job, "COMPLETED", "ml.m5.large", 2, 0.23, 0.0000029, 1320, 45),
                Step(job, "COMPLETED", "ml.g4dn.xlarge", 1, 0.7364, 0.00000236, 5210, 12),
                Step(job, "COMPLETED", "ml.inf1.xlarge", 1, 0.297, 0.00000113, 4380, 15),
                Step(job, "COMPLETED", "ml.c6i.xlarge", 1, 0.204, 0.00000225, 1510, 36),
                Step(job, "FAILED", "ml.r5.large", 1, null, null, null, null,
                    "Benchmark failed: endpoint sm-epc-nightly-resnet50-0007 failed to pass the ping health check."),
                serverless,
            };
        }

        public static DescribeInferenceRecommendationsJobResponse ResnetJob(string job = "nightly-resnet50")
        {
            return new DescribeInferenceRecommendationsJobResponse
            {
                JobName = job,
                JobDescription = "Nightly benchmark of resnet50 against the production endpoint",
                JobType = "Advanced",
                Status = "COMPLETED",
                CreationTime = new DateTime(2024, 11, 28, 10, 33, 20, DateTimeKind.Utc),
                CompletionTime = new DateTime(2024, 11, 28, 11, 58, 43, DateTimeKind.Utc),
                InputConfig = new RecommendationJobInputConfig { ModelName = "resnet50-model" },
                StoppingConditions = new RecommendationJobStoppingConditions
                {
                    ModelLatencyThresholds = new List<ModelLatencyThreshold> { new ModelLatencyThreshold { Percentile = "P95", ValueInMilliseconds = 100 } },
                },
                EndpointPerformances = new List<EndpointPerformance>
                {
                    new EndpointPerformance
                    {
                        EndpointInfo = new EndpointInfo { EndpointName = "resnet50-prod" },
                        Metrics = new InferenceMetrics { MaxInvocations = 1180, ModelLatency = 52 },
                    },
                },
                InferenceRecommendations = new List<InferenceRecommendation>
                {
                    new InferenceRecommendation
                    {
                        RecommendationId = "resnet50-rec-1",
                        Metrics = new RecommendationMetrics { CostPerHour = 0.204, CostPerInference = 0.00000234, MaxInvocations = 1450, ModelLatency = 38 },
                        EndpointConfiguration = new EndpointOutputConfiguration { InstanceType = "ml.c5.xlarge", InitialInstanceCount = 1 },
                    },
                },
            };
        }

        public static List<ReportJob> Resnet(bool withJob = true)
        {
            var collector = new ReportCollector();
            if (withJob) collector.Add(ResnetJob());
            foreach (InferenceRecommendationsJobStep step in ResnetSteps()) collector.Add(step);
            return new List<ReportJob>(collector.Jobs);
        }
    }
}
