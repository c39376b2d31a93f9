using Amazon.Runtime.Internal.Transform;
using Amazon.Runtime.Internal.Util;
using IRSteps.Model;

namespace IRSteps.Client.SageMaker.Transform
{
    // The shapes of ListInferenceRecommendationsJobs and DescribeInferenceRecommendationsJob, one unmarshaller per
    // shape as in ShapeUnmarshallers.cs (whose RecommendationMetrics, InferenceMetrics, EndpointOutputConfiguration,
    // ModelConfiguration and ProductionVariantServerlessConfig unmarshallers are reused: same shapes). Lists are read
    // by ModelListUnmarshaller.

    internal static class Lists
    {
        public static readonly ModelListUnmarshaller<string> Strings = new ModelListUnmarshaller<string>(StringUnmarshaller.Instance);
    }

    internal sealed class InferenceRecommendationsJobUnmarshaller : StructureUnmarshaller<InferenceRecommendationsJob>
    {
        public static InferenceRecommendationsJobUnmarshaller Instance { get; } = new InferenceRecommendationsJobUnmarshaller();

        protected override void ReadMember(JsonUnmarshallerContext context, ref StreamingUtf8JsonReader reader, int depth, InferenceRecommendationsJob result)
        {
            if (context.TestExpression("JobName", depth, ref reader)) result.JobName = StringUnmarshaller.Instance.Unmarshall(context, ref reader);
            else if (context.TestExpression("JobDescription", depth, ref reader)) result.JobDescription = StringUnmarshaller.Instance.Unmarshall(context, ref reader);
            else if (context.TestExpression("JobType", depth, ref reader)) result.JobType = StringUnmarshaller.Instance.Unmarshall(context, ref reader);
            else if (context.TestExpression("JobArn", depth, ref reader)) result.JobArn = StringUnmarshaller.Instance.Unmarshall(context, ref reader);
            else if (context.TestExpression("Status", depth, ref reader)) result.Status = StringUnmarshaller.Instance.Unmarshall(context, ref reader);
            else if (context.TestExpression("CreationTime", depth, ref reader)) result.CreationTime = NullableDateTimeUnmarshaller.Instance.Unmarshall(context, ref reader);
            else if (context.TestExpression("CompletionTime", depth, ref reader)) result.CompletionTime = NullableDateTimeUnmarshaller.Instance.Unmarshall(context, ref reader);
            else if (context.TestExpression("RoleArn", depth, ref reader)) result.RoleArn = StringUnmarshaller.Instance.Unmarshall(context, ref reader);
            else if (context.TestExpression("LastModifiedTime", depth, ref reader)) result.LastModifiedTime = NullableDateTimeUnmarshaller.Instance.Unmarshall(context, ref reader);
            else if (context.TestExpression("FailureReason", depth, ref reader)) result.FailureReason = StringUnmarshaller.Instance.Unmarshall(context, ref reader);
            else if (context.TestExpression("ModelName", depth, ref reader)) result.ModelName = StringUnmarshaller.Instance.Unmarshall(context, ref reader);
            else if (context.TestExpression("SamplePayloadUrl", depth, ref reader)) result.SamplePayloadUrl = StringUnmarshaller.Instance.Unmarshall(context, ref reader);
            else if (context.TestExpression("ModelPackageVersionArn", depth, ref reader)) result.ModelPackageVersionArn = StringUnmarshaller.Instance.Unmarshall(context, ref reader);
        }
    }

    internal sealed class RecommendationJobInputConfigUnmarshaller : StructureUnmarshaller<RecommendationJobInputConfig>
    {
        public static RecommendationJobInputConfigUnmarshaller Instance { get; } = new RecommendationJobInputConfigUnmarshaller();

        private static readonly ModelListUnmarshaller<EndpointInputConfiguration> EndpointConfigurations =
            new ModelListUnmarshaller<EndpointInputConfiguration>(EndpointInputConfigurationUnmarshaller.Instance);

        private static readonly ModelListUnmarshaller<EndpointInfo> Endpoints = new ModelListUnmarshaller<EndpointInfo>(EndpointInfoUnmarshaller.Instance);

        protected override void ReadMember(JsonUnmarshallerContext context, ref StreamingUtf8JsonReader reader, int depth, RecommendationJobInputConfig result)
        {
            if (context.TestExpression("ModelPackageVersionArn", depth, ref reader)) result.ModelPackageVersionArn = StringUnmarshaller.Instance.Unmarshall(context, ref reader);
            else if (context.TestExpression("ModelName", depth, ref reader)) result.ModelName = StringUnmarshaller.Instance.Unmarshall(context, ref reader);
            else if (context.TestExpression("JobDurationInSeconds", depth, ref reader)) result.JobDurationInSeconds = NullableIntUnmarshaller.Instance.Unmarshall(context, ref reader);
            else if (context.TestExpression("TrafficPattern", depth, ref reader)) result.TrafficPattern = TrafficPatternUnmarshaller.Instance.Unmarshall(context, ref reader);
            else if (context.TestExpression("ResourceLimit", depth, ref reader)) result.ResourceLimit = RecommendationJobResourceLimitUnmarshaller.Instance.Unmarshall(context, ref reader);
            else if (context.TestExpression("EndpointConfigurations", depth, ref reader)) result.EndpointConfigurations = EndpointConfigurations.Unmarshall(context, ref reader);
            else if (context.TestExpression("VolumeKmsKeyId", depth, ref reader)) result.VolumeKmsKeyId = StringUnmarshaller.Instance.Unmarshall(context, ref reader);
            else if (context.TestExpression("ContainerConfig", depth, ref reader)) result.ContainerConfig = RecommendationJobContainerConfigUnmarshaller.Instance.Unmarshall(context, ref reader);
            else if (context.TestExpression("Endpoints", depth, ref reader)) result.Endpoints = Endpoints.Unmarshall(context, ref reader);
            else if (context.TestExpression("VpcConfig", depth, ref reader)) result.VpcConfig = RecommendationJobVpcConfigUnmarshaller.Instance.Unmarshall(context, ref reader);
        }
    }

    internal sealed class TrafficPatternUnmarshaller : StructureUnmarshaller<TrafficPattern>
    {
        public static TrafficPatternUnmarshaller Instance { get; } = new TrafficPatternUnmarshaller();

        private static readonly ModelListUnmarshaller<Phase> Phases = new ModelListUnmarshaller<Phase>(PhaseUnmarshaller.Instance);

        protected override void ReadMember(JsonUnmarshallerContext context, ref StreamingUtf8JsonReader reader, int depth, TrafficPattern result)
        {
            if (context.TestExpression("TrafficType", depth, ref reader)) result.TrafficType = StringUnmarshaller.Instance.Unmarshall(context, ref reader);
            else if (context.TestExpression("Phases", depth, ref reader)) result.Phases = Phases.Unmarshall(context, ref reader);
            else if (context.TestExpression("Stairs", depth, ref reader)) result.Stairs = StairsUnmarshaller.Instance.Unmarshall(context, ref reader);
        }
    }

    internal sealed class PhaseUnmarshaller : StructureUnmarshaller<Phase>
    {
        public static PhaseUnmarshaller Instance { get; } = new PhaseUnmarshaller();

        protected override void ReadMember(JsonUnmarshallerContext context, ref StreamingUtf8JsonReader reader, int depth, Phase result)
        {
            if (context.TestExpression("InitialNumberOfUsers", depth, ref reader)) result.InitialNumberOfUsers = NullableIntUnmarshaller.Instance.Unmarshall(context, ref reader);
            else if (context.TestExpression("SpawnRate", depth, ref reader)) result.SpawnRate = NullableIntUnmarshaller.Instance.Unmarshall(context, ref reader);
            else if (context.TestExpression("DurationInSeconds", depth, ref reader)) result.DurationInSeconds = NullableIntUnmarshaller.Instance.Unmarshall(context, ref reader);
        }
    }

    internal sealed class StairsUnmarshaller : StructureUnmarshaller<Stairs>
    {
        public static StairsUnmarshaller Instance { get; } = new StairsUnmarshaller();

        protected override void ReadMember(JsonUnmarshallerContext context, ref StreamingUtf8JsonReader reader, int depth, Stairs result)
        {
            if (context.TestExpression("DurationInSeconds", depth, ref reader)) result.DurationInSeconds = NullableIntUnmarshaller.Instance.Unmarshall(context, ref reader);
            else if (context.TestExpression("NumberOfSteps", depth, ref reader)) result.NumberOfSteps = NullableIntUnmarshaller.Instance.Unmarshall(context, ref reader);
            else if (context.TestExpression("UsersPerStep", depth, ref reader)) result.UsersPerStep = NullableIntUnmarshaller.Instance.Unmarshall(context, ref reader);
        }
    }

    internal sealed class RecommendationJobResourceLimitUnmarshaller : StructureUnmarshaller<RecommendationJobResourceLimit>
    {
        public static RecommendationJobResourceLimitUnmarshaller Instance { get; } = new RecommendationJobResourceLimitUnmarshaller();

        protected override void ReadMember(JsonUnmarshallerContext context, ref StreamingUtf8JsonReader reader, int depth, RecommendationJobResourceLimit result)
        {
            if (context.TestExpression("MaxNumberOfTests", depth, ref reader)) result.MaxNumberOfTests = NullableIntUnmarshaller.Instance.Unmarshall(context, ref reader);
            else if (context.TestExpression("MaxParallelOfTests", depth, ref reader)) result.MaxParallelOfTests = NullableIntUnmarshaller.Instance.Unmarshall(context, ref reader);
        }
    }

    internal sealed class EndpointInputConfigurationUnmarshaller : StructureUnmarshaller<EndpointInputConfiguration>
    {
        public static EndpointInputConfigurationUnmarshaller Instance { get; } = new EndpointInputConfigurationUnmarshaller();

        protected override void ReadMember(JsonUnmarshallerContext context, ref StreamingUtf8JsonReader reader, int depth, EndpointInputConfiguration result)
        {
            if (context.TestExpression("InstanceType", depth, ref reader)) result.InstanceType = StringUnmarshaller.Instance.Unmarshall(context, ref reader);
            else if (context.TestExpression("ServerlessConfig", depth, ref reader)) result.ServerlessConfig = ProductionVariantServerlessConfigUnmarshaller.Instance.Unmarshall(context, ref reader);
            else if (context.TestExpression("InferenceSpecificationName", depth, ref reader)) result.InferenceSpecificationName = StringUnmarshaller.Instance.Unmarshall(context, ref reader);
            else if (context.TestExpression("EnvironmentParameterRanges", depth, ref reader)) result.EnvironmentParameterRanges = EnvironmentParameterRangesUnmarshaller.Instance.Unmarshall(context, ref reader);
        }
    }

    internal sealed class EnvironmentParameterRangesUnmarshaller : StructureUnmarshaller<EnvironmentParameterRanges>
    {
        public static EnvironmentParameterRangesUnmarshaller Instance { get; } = new EnvironmentParameterRangesUnmarshaller();

        private static readonly ModelListUnmarshaller<CategoricalParameterRange> Ranges =
            new ModelListUnmarshaller<CategoricalParameterRange>(CategoricalParameterRangeUnmarshaller.Instance);

        protected override void ReadMember(JsonUnmarshallerContext context, ref StreamingUtf8JsonReader reader, int depth, EnvironmentParameterRanges result)
        {
            if (context.TestExpression("CategoricalParameterRanges", depth, ref reader)) result.CategoricalParameterRanges = Ranges.Unmarshall(context, ref reader);
        }
    }

    internal sealed class CategoricalParameterRangeUnmarshaller : StructureUnmarshaller<CategoricalParameterRange>
    {
        public static CategoricalParameterRangeUnmarshaller Instance { get; } = new CategoricalParameterRangeUnmarshaller();

        protected override void ReadMember(JsonUnmarshallerContext context, ref StreamingUtf8JsonReader reader, int depth, CategoricalParameterRange result)
        {
            if (context.TestExpression("Name", depth, ref reader)) result.Name = StringUnmarshaller.Instance.Unmarshall(context, ref reader);
            else if (context.TestExpression("Value", depth, ref reader)) result.Value = Lists.Strings.Unmarshall(context, ref reader);
        }
    }

    internal sealed class RecommendationJobContainerConfigUnmarshaller : StructureUnmarshaller<RecommendationJobContainerConfig>
    {
        public static RecommendationJobContainerConfigUnmarshaller Instance { get; } = new RecommendationJobContainerConfigUnmarshaller();

        protected override void ReadMember(JsonUnmarshallerContext context, ref StreamingUtf8JsonReader reader, int depth, RecommendationJobContainerConfig result)
        {
            if (context.TestExpression("Domain", depth, ref reader)) result.Domain = StringUnmarshaller.Instance.Unmarshall(context, ref reader);
            else if (context.TestExpression("Task", depth, ref reader)) result.Task = StringUnmarshaller.Instance.Unmarshall(context, ref reader);
            else if (context.TestExpression("Framework", depth, ref reader)) result.Framework = StringUnmarshaller.Instance.Unmarshall(context, ref reader);
            else if (context.TestExpression("FrameworkVersion", depth, ref reader)) result.FrameworkVersion = StringUnmarshaller.Instance.Unmarshall(context, ref reader);
            else if (context.TestExpression("PayloadConfig", depth, ref reader)) result.PayloadConfig = RecommendationJobPayloadConfigUnmarshaller.Instance.Unmarshall(context, ref reader);
            else if (context.TestExpression("NearestModelName", depth, ref reader)) result.NearestModelName = StringUnmarshaller.Instance.Unmarshall(context, ref reader);
            else if (context.TestExpression("SupportedInstanceTypes", depth, ref reader)) result.SupportedInstanceTypes = Lists.Strings.Unmarshall(context, ref reader);
            else if (context.TestExpression("SupportedEndpointType", depth, ref reader)) result.SupportedEndpointType = StringUnmarshaller.Instance.Unmarshall(context, ref reader);
            else if (context.TestExpression("DataInputConfig", depth, ref reader)) result.DataInputConfig = StringUnmarshaller.Instance.Unmarshall(context, ref reader);
            else if (context.TestExpression("SupportedResponseMIMETypes", depth, ref reader)) result.SupportedResponseMIMETypes = Lists.Strings.Unmarshall(context, ref reader);
        }
    }

    internal sealed class RecommendationJobPayloadConfigUnmarshaller : StructureUnmarshaller<RecommendationJobPayloadConfig>
    {
        public static RecommendationJobPayloadConfigUnmarshaller Instance { get; } = new RecommendationJobPayloadConfigUnmarshaller();

        protected override void ReadMember(JsonUnmarshallerContext context, ref StreamingUtf8JsonReader reader, int depth, RecommendationJobPayloadConfig result)
        {
            if (context.TestExpression("SamplePayloadUrl", depth, ref reader)) result.SamplePayloadUrl = StringUnmarshaller.Instance.Unmarshall(context, ref reader);
            else if (context.TestExpression("SupportedContentTypes", depth, ref reader)) result.SupportedContentTypes = Lists.Strings.Unmarshall(context, ref reader);
        }
    }

    internal sealed class EndpointInfoUnmarshaller : StructureUnmarshaller<EndpointInfo>
    {
        public static EndpointInfoUnmarshaller Instance { get; } = new EndpointInfoUnmarshaller();

        protected override void ReadMember(JsonUnmarshallerContext context, ref StreamingUtf8JsonReader reader, int depth, EndpointInfo result)
        {
            if (context.TestExpression("EndpointName", depth, ref reader)) result.EndpointName = StringUnmarshaller.Instance.Unmarshall(context, ref reader);
        }
    }

    internal sealed class RecommendationJobVpcConfigUnmarshaller : StructureUnmarshaller<RecommendationJobVpcConfig>
    {
        public static RecommendationJobVpcConfigUnmarshaller Instance { get; } = new RecommendationJobVpcConfigUnmarshaller();

        protected override void ReadMember(JsonUnmarshallerContext context, ref StreamingUtf8JsonReader reader, int depth, RecommendationJobVpcConfig result)
        {
            if (context.TestExpression("SecurityGroupIds", depth, ref reader)) result.SecurityGroupIds = Lists.Strings.Unmarshall(context, ref reader);
            else if (context.TestExpression("Subnets", depth, ref reader)) result.Subnets = Lists.Strings.Unmarshall(context, ref reader);
        }
    }

    internal sealed class RecommendationJobStoppingConditionsUnmarshaller : StructureUnmarshaller<RecommendationJobStoppingConditions>
    {
        public static RecommendationJobStoppingConditionsUnmarshaller Instance { get; } = new RecommendationJobStoppingConditionsUnmarshaller();

        private static readonly ModelListUnmarshaller<ModelLatencyThreshold> Thresholds =
            new ModelListUnmarshaller<ModelLatencyThreshold>(ModelLatencyThresholdUnmarshaller.Instance);

        protected override void ReadMember(JsonUnmarshallerContext context, ref StreamingUtf8JsonReader reader, int depth, RecommendationJobStoppingConditions result)
        {
            if (context.TestExpression("MaxInvocations", depth, ref reader)) result.MaxInvocations = NullableIntUnmarshaller.Instance.Unmarshall(context, ref reader);
            else if (context.TestExpression("ModelLatencyThresholds", depth, ref reader)) result.ModelLatencyThresholds = Thresholds.Unmarshall(context, ref reader);
            else if (context.TestExpression("FlatInvocations", depth, ref reader)) result.FlatInvocations = StringUnmarshaller.Instance.Unmarshall(context, ref reader);
        }
    }

    internal sealed class ModelLatencyThresholdUnmarshaller : StructureUnmarshaller<ModelLatencyThreshold>
    {
        public static ModelLatencyThresholdUnmarshaller Instance { get; } = new ModelLatencyThresholdUnmarshaller();

        protected override void ReadMember(JsonUnmarshallerContext context, ref StreamingUtf8JsonReader reader, int depth, ModelLatencyThreshold result)
        {
            if (context.TestExpression("Percentile", depth, ref reader)) result.Percentile = StringUnmarshaller.Instance.Unmarshall(context, ref reader);
            else if (context.TestExpression("ValueInMilliseconds", depth, ref reader)) result.ValueInMilliseconds = NullableIntUnmarshaller.Instance.Unmarshall(context, ref reader);
        }
    }

    internal sealed class InferenceRecommendationUnmarshaller : StructureUnmarshaller<InferenceRecommendation>
    {
        public static InferenceRecommendationUnmarshaller Instance { get; } = new InferenceRecommendationUnmarshaller();

        protected override void ReadMember(JsonUnmarshallerContext context, ref StreamingUtf8JsonReader reader, int depth, InferenceRecommendation result)
        {
            if (context.TestExpression("RecommendationId", depth, ref reader)) result.RecommendationId = StringUnmarshaller.Instance.Unmarshall(context, ref reader);
            else if (context.TestExpression("Metrics", depth, ref reader)) result.Metrics = RecommendationMetricsUnmarshaller.Instance.Unmarshall(context, ref reader);
            else if (context.TestExpression("EndpointConfiguration", depth, ref reader)) result.EndpointConfiguration = EndpointOutputConfigurationUnmarshaller.Instance.Unmarshall(context, ref reader);
            else if (context.TestExpression("ModelConfiguration", depth, ref reader)) result.ModelConfiguration = ModelConfigurationUnmarshaller.Instance.Unmarshall(context, ref reader);
            else if (context.TestExpression("InvocationEndTime", depth, ref reader)) result.InvocationEndTime = NullableDateTimeUnmarshaller.Instance.Unmarshall(context, ref reader);
            else if (context.TestExpression("InvocationStartTime", depth, ref reader)) result.InvocationStartTime = NullableDateTimeUnmarshaller.Instance.Unmarshall(context, ref reader);
        }
    }

    internal sealed class EndpointPerformanceUnmarshaller : StructureUnmarshaller<EndpointPerformance>
    {
        public static EndpointPerformanceUnmarshaller Instance { get; } = new EndpointPerformanceUnmarshaller();

        protected override void ReadMember(JsonUnmarshallerContext context, ref StreamingUtf8JsonReader reader, int depth, EndpointPerformance result)
        {
            if (context.TestExpression("Metrics", depth, ref reader)) result.Metrics = InferenceMetricsUnmarshaller.Instance.Unmarshall(context, ref reader);
            else if (context.TestExpression("EndpointInfo", depth, ref reader)) result.EndpointInfo = EndpointInfoUnmarshaller.Instance.Unmarshall(context, ref reader);
        }
    }
}
