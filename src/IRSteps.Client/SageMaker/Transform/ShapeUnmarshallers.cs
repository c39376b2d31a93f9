using Amazon.Runtime.Internal.Transform;
using Amazon.Runtime.Internal.Util;
using IRSteps.Model;

namespace IRSteps.Client.SageMaker.Transform
{
    // One unmarshaller per shape of the service model, as the generated SDK packages have them.
    // Floats go through NullableDoubleUnmarshaller, which also reads "NaN", "Infinity" and "-Infinity";
    // timestamps through NullableDateTimeUnmarshaller (epoch seconds to UTC).

    internal sealed class InferenceRecommendationsJobStepUnmarshaller : StructureUnmarshaller<InferenceRecommendationsJobStep>
    {
        public static InferenceRecommendationsJobStepUnmarshaller Instance { get; } = new InferenceRecommendationsJobStepUnmarshaller();

        protected override void ReadMember(JsonUnmarshallerContext context, ref StreamingUtf8JsonReader reader, int depth, InferenceRecommendationsJobStep result)
        {
            if (context.TestExpression("StepType", depth, ref reader)) result.StepType = StringUnmarshaller.Instance.Unmarshall(context, ref reader);
            else if (context.TestExpression("JobName", depth, ref reader)) result.JobName = StringUnmarshaller.Instance.Unmarshall(context, ref reader);
            else if (context.TestExpression("Status", depth, ref reader)) result.Status = StringUnmarshaller.Instance.Unmarshall(context, ref reader);
            else if (context.TestExpression("InferenceBenchmark", depth, ref reader)) result.InferenceBenchmark = RecommendationJobInferenceBenchmarkUnmarshaller.Instance.Unmarshall(context, ref reader);
        }
    }

    internal sealed class RecommendationJobInferenceBenchmarkUnmarshaller : StructureUnmarshaller<RecommendationJobInferenceBenchmark>
    {
        public static RecommendationJobInferenceBenchmarkUnmarshaller Instance { get; } = new RecommendationJobInferenceBenchmarkUnmarshaller();

        protected override void ReadMember(JsonUnmarshallerContext context, ref StreamingUtf8JsonReader reader, int depth, RecommendationJobInferenceBenchmark result)
        {
            if (context.TestExpression("Metrics", depth, ref reader)) result.Metrics = RecommendationMetricsUnmarshaller.Instance.Unmarshall(context, ref reader);
            else if (context.TestExpression("EndpointMetrics", depth, ref reader)) result.EndpointMetrics = InferenceMetricsUnmarshaller.Instance.Unmarshall(context, ref reader);
            else if (context.TestExpression("EndpointConfiguration", depth, ref reader)) result.EndpointConfiguration = EndpointOutputConfigurationUnmarshaller.Instance.Unmarshall(context, ref reader);
            else if (context.TestExpression("ModelConfiguration", depth, ref reader)) result.ModelConfiguration = ModelConfigurationUnmarshaller.Instance.Unmarshall(context, ref reader);
            else if (context.TestExpression("FailureReason", depth, ref reader)) result.FailureReason = StringUnmarshaller.Instance.Unmarshall(context, ref reader);
            else if (context.TestExpression("InvocationEndTime", depth, ref reader)) result.InvocationEndTime = NullableDateTimeUnmarshaller.Instance.Unmarshall(context, ref reader);
            else if (context.TestExpression("InvocationStartTime", depth, ref reader)) result.InvocationStartTime = NullableDateTimeUnmarshaller.Instance.Unmarshall(context, ref reader);
        }
    }

    internal sealed class RecommendationMetricsUnmarshaller : StructureUnmarshaller<RecommendationMetrics>
    {
        public static RecommendationMetricsUnmarshaller Instance { get; } = new RecommendationMetricsUnmarshaller();

        protected override void ReadMember(JsonUnmarshallerContext context, ref StreamingUtf8JsonReader reader, int depth, RecommendationMetrics result)
        {
            if (context.TestExpression("CostPerHour", depth, ref reader)) result.CostPerHour = NullableDoubleUnmarshaller.Instance.Unmarshall(context, ref reader);
            else if (context.TestExpression("CostPerInference", depth, ref reader)) result.CostPerInference = NullableDoubleUnmarshaller.Instance.Unmarshall(context, ref reader);
            else if (context.TestExpression("MaxInvocations", depth, ref reader)) result.MaxInvocations = NullableIntUnmarshaller.Instance.Unmarshall(context, ref reader);
            else if (context.TestExpression("ModelLatency", depth, ref reader)) result.ModelLatency = NullableIntUnmarshaller.Instance.Unmarshall(context, ref reader);
            else if (context.TestExpression("CpuUtilization", depth, ref reader)) result.CpuUtilization = NullableDoubleUnmarshaller.Instance.Unmarshall(context, ref reader);
            else if (context.TestExpression("MemoryUtilization", depth, ref reader)) result.MemoryUtilization = NullableDoubleUnmarshaller.Instance.Unmarshall(context, ref reader);
            else if (context.TestExpression("ModelSetupTime", depth, ref reader)) result.ModelSetupTime = NullableIntUnmarshaller.Instance.Unmarshall(context, ref reader);
        }
    }

    internal sealed class InferenceMetricsUnmarshaller : StructureUnmarshaller<InferenceMetrics>
    {
        public static InferenceMetricsUnmarshaller Instance { get; } = new InferenceMetricsUnmarshaller();

        protected override void ReadMember(JsonUnmarshallerContext context, ref StreamingUtf8JsonReader reader, int depth, InferenceMetrics result)
        {
            if (context.TestExpression("MaxInvocations", depth, ref reader)) result.MaxInvocations = NullableIntUnmarshaller.Instance.Unmarshall(context, ref reader);
            else if (context.TestExpression("ModelLatency", depth, ref reader)) result.ModelLatency = NullableIntUnmarshaller.Instance.Unmarshall(context, ref reader);
        }
    }

    internal sealed class EndpointOutputConfigurationUnmarshaller : StructureUnmarshaller<EndpointOutputConfiguration>
    {
        public static EndpointOutputConfigurationUnmarshaller Instance { get; } = new EndpointOutputConfigurationUnmarshaller();

        protected override void ReadMember(JsonUnmarshallerContext context, ref StreamingUtf8JsonReader reader, int depth, EndpointOutputConfiguration result)
        {
            if (context.TestExpression("EndpointName", depth, ref reader)) result.EndpointName = StringUnmarshaller.Instance.Unmarshall(context, ref reader);
            else if (context.TestExpression("VariantName", depth, ref reader)) result.VariantName = StringUnmarshaller.Instance.Unmarshall(context, ref reader);
            else if (context.TestExpression("InstanceType", depth, ref reader)) result.InstanceType = StringUnmarshaller.Instance.Unmarshall(context, ref reader);
            else if (context.TestExpression("InitialInstanceCount", depth, ref reader)) result.InitialInstanceCount = NullableIntUnmarshaller.Instance.Unmarshall(context, ref reader);
            else if (context.TestExpression("ServerlessConfig", depth, ref reader)) result.ServerlessConfig = ProductionVariantServerlessConfigUnmarshaller.Instance.Unmarshall(context, ref reader);
        }
    }

    internal sealed class ProductionVariantServerlessConfigUnmarshaller : StructureUnmarshaller<ProductionVariantServerlessConfig>
    {
        public static ProductionVariantServerlessConfigUnmarshaller Instance { get; } = new ProductionVariantServerlessConfigUnmarshaller();

        protected override void ReadMember(JsonUnmarshallerContext context, ref StreamingUtf8JsonReader reader, int depth, ProductionVariantServerlessConfig result)
        {
            if (context.TestExpression("MemorySizeInMB", depth, ref reader)) result.MemorySizeInMB = NullableIntUnmarshaller.Instance.Unmarshall(context, ref reader);
            else if (context.TestExpression("MaxConcurrency", depth, ref reader)) result.MaxConcurrency = NullableIntUnmarshaller.Instance.Unmarshall(context, ref reader);
            else if (context.TestExpression("ProvisionedConcurrency", depth, ref reader)) result.ProvisionedConcurrency = NullableIntUnmarshaller.Instance.Unmarshall(context, ref reader);
        }
    }

    internal sealed class ModelConfigurationUnmarshaller : StructureUnmarshaller<ModelConfiguration>
    {
        public static ModelConfigurationUnmarshaller Instance { get; } = new ModelConfigurationUnmarshaller();

        private static readonly ModelListUnmarshaller<EnvironmentParameter> EnvironmentParameters =
            new ModelListUnmarshaller<EnvironmentParameter>(EnvironmentParameterUnmarshaller.Instance);

        protected override void ReadMember(JsonUnmarshallerContext context, ref StreamingUtf8JsonReader reader, int depth, ModelConfiguration result)
        {
            if (context.TestExpression("InferenceSpecificationName", depth, ref reader)) result.InferenceSpecificationName = StringUnmarshaller.Instance.Unmarshall(context, ref reader);
            else if (context.TestExpression("EnvironmentParameters", depth, ref reader))
            {
                result.EnvironmentParameters = EnvironmentParameters.Unmarshall(context, ref reader);
            }
            else if (context.TestExpression("CompilationJobName", depth, ref reader)) result.CompilationJobName = StringUnmarshaller.Instance.Unmarshall(context, ref reader);
        }
    }

    internal sealed class EnvironmentParameterUnmarshaller : StructureUnmarshaller<EnvironmentParameter>
    {
        public static EnvironmentParameterUnmarshaller Instance { get; } = new EnvironmentParameterUnmarshaller();

        protected override void ReadMember(JsonUnmarshallerContext context, ref StreamingUtf8JsonReader reader, int depth, EnvironmentParameter result)
        {
            if (context.TestExpression("Key", depth, ref reader)) result.Key = StringUnmarshaller.Instance.Unmarshall(context, ref reader);
            else if (context.TestExpression("ValueType", depth, ref reader)) result.ValueType = StringUnmarshaller.Instance.Unmarshall(context, ref reader);
            else if (context.TestExpression("Value", depth, ref reader)) result.Value = StringUnmarshaller.Instance.Unmarshall(context, ref reader);
        }
    }
}
