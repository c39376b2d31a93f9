using System;
using System.Globalization;
using System.Text.Json;

namespace IRSteps.Emulator.Jobs
{
    /// <summary>synthetic-N (N in 1..1,000,000): a COMPLETED job with N COMPLETED steps, none stored; not listed.</summary>
    internal sealed class SyntheticJob : JobBase
    {
        public const int MaxSteps = 1_000_000;
        private const double BaseTime = 1732000000.0;
        private readonly int n;

        public SyntheticJob(string name, int n)
            : base(name)
        {
            this.n = n;
        }

        public static bool TryParse(string name, out int n)
        {
            n = 0;
            const string prefix = "synthetic-";
            if (!name.StartsWith(prefix, StringComparison.Ordinal)) return false;
            string digits = name.Substring(prefix.Length);
            if (digits.Length == 0 || digits.Length > 7 || digits[0] == '0') return false;
            foreach (char c in digits)
            {
                if (c < '0' || c > '9') return false;
            }

            n = int.Parse(digits, CultureInfo.InvariantCulture);
            return n >= 1 && n <= MaxSteps;
        }

        public override double CreationTime => BaseTime + n + 0.5;

        private double StepStart(int i) => CreationTime + 120 + (i * 0.5);

        private double Finished => StepStart(n) + 900.125;

        public override string JobDescription => "Synthetic job with " + n.ToString(CultureInfo.InvariantCulture) + " steps";

        public override string ModelName => "synthetic-model";

        public override string SamplePayloadUrl => "s3://irsteps-emulator/payloads/synthetic.tar.gz";

        protected override JobState NaturalState(double now) => new JobState("COMPLETED", Finished, Finished, null);


        public override int StepCount => n;

        public override string StepStatus(int index, double now) => "COMPLETED";

        public override void WriteStep(Utf8JsonWriter w, int index, string status, double now) =>
            StepGenerator.WriteStep(w, JobName, (ulong)n, index, status, StepStart(index), withEndpointMetrics: true, failureReason: null);

        public override int WritePage(Utf8JsonWriter w, string status, string stepType, int offset, int max, double now)
        {
            if ((status != null && status != "COMPLETED") || (stepType != null && stepType != "BENCHMARK")) return -1;
            int end = Math.Min(n, offset + max);
            for (int i = offset; i < end; i++) WriteStep(w, i, "COMPLETED", now);
            return end < n ? end : -1;
        }

        public override void WriteDescribeExtras(Utf8JsonWriter w, string region)
        {
            w.WriteStartObject("InputConfig");
            w.WriteString("ModelName", ModelName);
            w.WriteNumber("JobDurationInSeconds", 7200);
            w.WriteStartArray("Endpoints");
            w.WriteStartObject();
            w.WriteString("EndpointName", "synthetic-existing-endpoint");
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteStartArray("InferenceRecommendations");
            w.WriteEndArray();
            w.WriteStartArray("EndpointPerformances");
            w.WriteStartObject();
            w.WriteStartObject("Metrics");
            w.WriteNumber("MaxInvocations", 1000 + (n % 500));
            w.WriteNumber("ModelLatency", 30 + (n % 70));
            w.WriteEndObject();
            w.WriteStartObject("EndpointInfo");
            w.WriteString("EndpointName", "synthetic-existing-endpoint");
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteEndArray();
        }
    }
}
