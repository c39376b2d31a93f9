using System;

namespace IRSteps.Model
{
    /// <summary>
    /// One benchmark step of an Inference Recommender job, as ListInferenceRecommendationsJobSteps returns it.
    /// StepType and Status are open string values: a value the service adds later never breaks a script.
    /// </summary>
    /// <remarks>
    /// Below the API's four members come read-only properties flattened from InferenceBenchmark, so that
    /// <c>Where-Object ModelLatency -le 100 | Sort-Object CostPerInference</c> works without script blocks.
    /// They are C# properties rather than ScriptProperties in IRSteps.types.ps1xml because:
    /// they exist wherever the object goes (a ForEach-Object -Parallel or thread-job runspace, a C# caller, a
    /// runspace that never imported the module's type data); they are typed (int?, double?), so Sort-Object and
    /// -le compare numbers; they cost a property read, not a script block invocation per object
    /// (bench/Flattened-Properties.ps1 measures Sort-Object and Where-Object against a ScriptProperty); and
    /// Get-Member lists them as properties. They are computed on each read, so an object built
    /// with <c>[IRSteps.Model.InferenceRecommendationsJobStep]@{ InferenceBenchmark = @{ ... } }</c> or changed
    /// later always agrees with its nested members; being read-only they cannot be set in such a hashtable.
    /// A member absent from the answer is $null here too, never 0.
    /// </remarks>
    public sealed class InferenceRecommendationsJobStep
    {
        public string? StepType { get; set; }
        public string? JobName { get; set; }
        public string? Status { get; set; }
        public RecommendationJobInferenceBenchmark? InferenceBenchmark { get; set; }

        /// <summary>InferenceBenchmark.EndpointConfiguration.InstanceType ($null for a serverless endpoint).</summary>
        public string? InstanceType => InferenceBenchmark?.EndpointConfiguration?.InstanceType;

        /// <summary>InferenceBenchmark.EndpointConfiguration.InitialInstanceCount.</summary>
        public int? InitialInstanceCount => InferenceBenchmark?.EndpointConfiguration?.InitialInstanceCount;

        /// <summary>InferenceBenchmark.Metrics.CostPerHour (USD).</summary>
        public double? CostPerHour => InferenceBenchmark?.Metrics?.CostPerHour;

        /// <summary>InferenceBenchmark.Metrics.CostPerInference (USD).</summary>
        public double? CostPerInference => InferenceBenchmark?.Metrics?.CostPerInference;

        /// <summary>
        /// CostPerInference times one million (USD per million inferences): 0.0000059899 reads 5.9899, where a
        /// table shows a double with two decimals and CostPerInference would read 0.00.
        /// </summary>
        public double? CostPerMillionInferences => PerMillion(CostPerInference);

        /// <summary>InferenceBenchmark.Metrics.MaxInvocations (per minute).</summary>
        public int? MaxInvocations => InferenceBenchmark?.Metrics?.MaxInvocations;

        /// <summary>InferenceBenchmark.Metrics.ModelLatency (milliseconds).</summary>
        public int? ModelLatency => InferenceBenchmark?.Metrics?.ModelLatency;

        /// <summary>InferenceBenchmark.Metrics.CpuUtilization (percent; NaN where the service has no measurement).</summary>
        public double? CpuUtilization => InferenceBenchmark?.Metrics?.CpuUtilization;

        /// <summary>InferenceBenchmark.Metrics.MemoryUtilization (percent; NaN where the service has no measurement).</summary>
        public double? MemoryUtilization => InferenceBenchmark?.Metrics?.MemoryUtilization;

        /// <summary>InferenceBenchmark.Metrics.ModelSetupTime (seconds).</summary>
        public int? ModelSetupTime => InferenceBenchmark?.Metrics?.ModelSetupTime;

        /// <summary>InferenceBenchmark.FailureReason.</summary>
        public string? FailureReason => InferenceBenchmark?.FailureReason;

        /// <summary>InferenceBenchmark.EndpointMetrics.MaxInvocations: the existing endpoint's.</summary>
        public int? EndpointMaxInvocations => InferenceBenchmark?.EndpointMetrics?.MaxInvocations;

        /// <summary>InferenceBenchmark.EndpointMetrics.ModelLatency: the existing endpoint's.</summary>
        public int? EndpointModelLatency => InferenceBenchmark?.EndpointMetrics?.ModelLatency;

        /// <summary>
        /// MaxInvocations over EndpointMaxInvocations: above 1, the benchmarked configuration serves more than the
        /// existing endpoint. $null when either is missing (or the endpoint's is 0).
        /// </summary>
        public double? InvocationsVsEndpoint => Ratio(MaxInvocations, EndpointMaxInvocations);

        /// <summary>
        /// ModelLatency over EndpointModelLatency: below 1, the benchmarked configuration answers faster than the
        /// existing endpoint. $null when either is missing (or the endpoint's is 0).
        /// </summary>
        public double? LatencyVsEndpoint => Ratio(ModelLatency, EndpointModelLatency);

        private static double? PerMillion(double? perOne)
        {
            if (!perOne.HasValue) return null;
            double value = perOne.Value;
            // Through decimal (which keeps a double's 15 significant digits), so that 0.0000059899 gives 5.9899 and
            // not 5.989899999999999. NaN, infinities and magnitudes decimal holds badly are multiplied as they are.
            double magnitude = Math.Abs(value);
            if (magnitude >= 1e-15 && magnitude < 1e15) return (double)((decimal)value * 1000000m);
            return value * 1000000;
        }

        private static double? Ratio(int? benchmark, int? endpoint)
        {
            if (!benchmark.HasValue || !endpoint.HasValue || endpoint.Value == 0) return null;
            return (double)benchmark.Value / endpoint.Value;
        }
    }
}
