using System;
using System.Buffers;
using System.Buffers.Text;
using System.Text.Json;

namespace IRSteps.Emulator.Jobs
{
    /// <summary>
    /// The deterministic step generator of synthetic-N and dynamic jobs: everything derives from (seed, index), so a
    /// page costs O(page size) however many steps the job has.
    /// </summary>
    internal static class StepGenerator
    {
        private static readonly string[] InstanceTypes =
        {
            "ml.c5.large", "ml.c5.xlarge", "ml.c5.2xlarge", "ml.m5.large", "ml.m5.xlarge", "ml.g4dn.xlarge", "ml.c6i.large", "ml.r5.large",
            "ml.inf1.xlarge", "ml.g5.xlarge", "ml.c7g.large", "ml.m6g.large",
        };

        private static readonly double[] Prices = { 0.102, 0.204, 0.408, 0.115, 0.23, 0.7364, 0.102, 0.151, 0.297, 1.408, 0.0867, 0.0924 };

        private static ulong Mix(ulong x)
        {
            x ^= x >> 33;
            x *= 0xff51afd7ed558ccdUL;
            x ^= x >> 33;
            x *= 0xc4ceb9fe1a85ec53UL;
            x ^= x >> 33;
            return x;
        }

        /// <summary>A seed from a job name that is the same in every process (string.GetHashCode is not).</summary>
        public static ulong Seed(string name)
        {
            uint hash = 2166136261;
            foreach (char c in name)
            {
                hash = (hash ^ c) * 16777619;
            }

            return hash;
        }

        /// <summary>
        /// Writes one generated step. This is the benchmark's hot path (100 steps a page), so the JSON is assembled from
        /// UTF-8 literals and integer formatting and handed to the writer as one raw value; every string involved is
        /// ours and needs no escaping (job names match ^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,63}$).
        /// </summary>
        public static void WriteStep(Utf8JsonWriter w, string jobName, ulong seed, int index, string status, double startTime, bool withEndpointMetrics, string failureReason)
        {
            ulong h = Mix((seed * 0x9E3779B97F4A7C15UL) + (ulong)index + 1);
            int instance = (int)(h % (ulong)InstanceTypes.Length);
            int count = 1 + (int)((h >> 8) % 3);
            int maxInvocations = 200 + (int)((h >> 12) % 4800);
            int latency = 4 + (int)((h >> 24) % 400);
            double costPerHour = Math.Round(Prices[instance] * count, 4);

            RawJsonBuilder b = RawJsonBuilder.ForThread();
            b.Append("{\"StepType\":\"BENCHMARK\",\"JobName\":\""u8).AppendAscii(jobName);
            b.Append("\",\"Status\":\""u8).AppendAscii(status).Append("\",\"InferenceBenchmark\":{"u8);
            if (status == "COMPLETED")
            {
                b.Append("\"Metrics\":{\"CostPerHour\":"u8).AppendFixed((long)Math.Round(costPerHour * 10_000), 4);
                b.Append(",\"CostPerInference\":"u8).AppendFixed((long)Math.Round(costPerHour / (maxInvocations * 60.0) * 1e10), 10);
                b.Append(",\"MaxInvocations\":"u8).Append(maxInvocations);
                b.Append(",\"ModelLatency\":"u8).Append(latency);
                b.Append(",\"CpuUtilization\":"u8).AppendFixed((long)((h >> 32) % 10000), 2);
                b.Append(",\"MemoryUtilization\":"u8).AppendFixed((long)((h >> 40) % 10000), 2);
                b.Append(",\"ModelSetupTime\":"u8).Append(20 + (int)((h >> 48) % 300)).Append("},"u8);
                if (withEndpointMetrics)
                {
                    b.Append("\"EndpointMetrics\":{\"MaxInvocations\":"u8).Append(1000 + (int)(seed % 500));
                    b.Append(",\"ModelLatency\":"u8).Append(30 + (int)(seed % 70)).Append("},"u8);
                }
            }

            b.Append("\"EndpointConfiguration\":{\"EndpointName\":\"sm-epc-"u8).AppendAscii(jobName).Append("-"u8).Append(index, 6);
            b.Append("\",\"VariantName\":\"sm-epv-"u8).Append(index, 6);
            b.Append("\",\"InstanceType\":\""u8).AppendAscii(InstanceTypes[instance]);
            b.Append("\",\"InitialInstanceCount\":"u8).Append(count);
            b.Append("},\"ModelConfiguration\":{\"EnvironmentParameters\":[{\"Key\":\"OMP_NUM_THREADS\",\"ValueType\":\"String\",\"Value\":\""u8);
            b.Append(1 + (int)((h >> 56) % 8)).Append("\"}]}"u8);
            if (failureReason != null) b.Append(",\"FailureReason\":\""u8).AppendAscii(failureReason).Append("\""u8);
            if (status == "COMPLETED" || status == "FAILED")
            {
                long startMs = (long)Math.Round(startTime * 1000);
                b.Append(",\"InvocationStartTime\":"u8).AppendFixed(startMs, 3);
                b.Append(",\"InvocationEndTime\":"u8).AppendFixed(startMs + 600_250, 3);
            }

            b.Append("}}"u8);
            w.WriteRawValue(b.Written, skipInputValidation: true);
        }
    }

    /// <summary>Appends JSON fragments to a fixed buffer (ASCII only; callers guarantee nothing needs escaping).</summary>
    internal sealed class RawJsonBuilder
    {
        [ThreadStatic]
        private static RawJsonBuilder forThread;

        private readonly byte[] buffer = new byte[4096];
        private int length;

        /// <summary>A cleared builder reused by the current thread (a step is well under 4 KB).</summary>
        public static RawJsonBuilder ForThread()
        {
            RawJsonBuilder b = forThread ?? (forThread = new RawJsonBuilder());
            b.length = 0;
            return b;
        }

        public ReadOnlySpan<byte> Written => new ReadOnlySpan<byte>(buffer, 0, length);

        public RawJsonBuilder Append(ReadOnlySpan<byte> utf8)
        {
            utf8.CopyTo(new Span<byte>(buffer, length, buffer.Length - length));
            length += utf8.Length;
            return this;
        }

        public RawJsonBuilder AppendAscii(string s)
        {
            foreach (char c in s) buffer[length++] = (byte)c;
            return this;
        }

        /// <summary>An integer, left-padded with zeros to <paramref name="minDigits"/>.</summary>
        public RawJsonBuilder Append(long value, int minDigits = 1)
        {
            Utf8Formatter.TryFormat(value, new Span<byte>(buffer, length, buffer.Length - length), out int written, new StandardFormat('D', (byte)minDigits));
            length += written;
            return this;
        }

        /// <summary>scaled / 10^decimals as a plain decimal number without trailing zeros: (1234, 2) is 12.34, (5000, 4) is 0.5.</summary>
        public RawJsonBuilder AppendFixed(long scaled, int decimals)
        {
            if (scaled < 0)
            {
                buffer[length++] = (byte)'-';
                scaled = -scaled;
            }

            long power = 1;
            for (int i = 0; i < decimals; i++) power *= 10;
            Append(scaled / power);
            long fraction = scaled % power;
            if (fraction == 0) return this;
            int digits = decimals;
            while (fraction % 10 == 0)
            {
                fraction /= 10;
                digits--;
            }

            buffer[length++] = (byte)'.';
            return Append(fraction, digits);
        }
    }
}
