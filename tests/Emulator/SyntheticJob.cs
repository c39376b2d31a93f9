using System.Text.Json;

namespace IRSteps.Emulator;

/// <summary>
/// Deterministic step generator shared by synthetic-N jobs and dynamic jobs: everything is derived from (seed, index),
/// so a page costs O(page size) no matter how many steps the job has.
/// </summary>
internal static class StepGenerator
{
    private static readonly (string Type, double Price)[] Instances =
    [
        ("ml.c5.large", 0.102), ("ml.c5.xlarge", 0.204), ("ml.c5.2xlarge", 0.408), ("ml.m5.large", 0.115),
        ("ml.m5.xlarge", 0.23), ("ml.g4dn.xlarge", 0.7364), ("ml.c6i.large", 0.102), ("ml.r5.large", 0.151),
        ("ml.inf1.xlarge", 0.297), ("ml.g5.xlarge", 1.408), ("ml.c7g.large", 0.0867), ("ml.m6g.large", 0.0924),
    ];

    private static ulong Mix(ulong x)
    {
        x ^= x >> 33; x *= 0xff51afd7ed558ccdUL; x ^= x >> 33; x *= 0xc4ceb9fe1a85ec53UL; x ^= x >> 33;
        return x;
    }

    /// <summary>
    /// Writes one generated step. This is the hot path of the benchmark (100 steps a page), so the JSON is assembled
    /// from UTF-8 literals and integer formatting and handed to the writer as one raw value; all strings involved are
    /// ours and need no escaping (job names match ^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,63}$).
    /// </summary>
    public static void WriteStep(Utf8JsonWriter w, string jobName, ulong seed, int index, string status,
        double startTime, bool withEndpointMetrics, string? failureReason)
    {
        var h = Mix(seed * 0x9E3779B97F4A7C15UL + (ulong)index + 1);
        var (type, price) = Instances[(int)(h % (ulong)Instances.Length)];
        var count = 1 + (int)((h >> 8) % 3);
        var maxInvocations = 200 + (int)((h >> 12) % 4800);
        var latency = 4 + (int)((h >> 24) % 400);
        var costPerHour = Math.Round(price * count, 4);

        var b = RawJsonBuilder.ForThread();
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
        b.Append("\",\"InstanceType\":\""u8).AppendAscii(type);
        b.Append("\",\"InitialInstanceCount\":"u8).Append(count);
        b.Append("},\"ModelConfiguration\":{\"EnvironmentParameters\":[{\"Key\":\"OMP_NUM_THREADS\",\"ValueType\":\"String\",\"Value\":\""u8);
        b.Append(1 + (int)((h >> 56) % 8)).Append("\"}]}"u8);
        if (failureReason is not null) b.Append(",\"FailureReason\":\""u8).AppendAscii(failureReason).Append("\""u8);
        if (status is "COMPLETED" or "FAILED")
        {
            var startMs = (long)Math.Round(startTime * 1000);
            b.Append(",\"InvocationStartTime\":"u8).AppendFixed(startMs, 3);
            b.Append(",\"InvocationEndTime\":"u8).AppendFixed(startMs + 600_250, 3);
        }
        b.Append("}}"u8);
        w.WriteRawValue(b.Written, skipInputValidation: true);
    }
}

/// <summary>Appends JSON fragments to a fixed span (ASCII only; callers guarantee nothing needs escaping).</summary>
internal sealed class RawJsonBuilder
{
    [ThreadStatic] private static RawJsonBuilder? _forThread;
    private readonly byte[] _buffer = new byte[4096];
    private int _length;

    /// <summary>A cleared builder reused by the current thread (a step is well under 4 KB).</summary>
    public static RawJsonBuilder ForThread()
    {
        var b = _forThread ??= new RawJsonBuilder();
        b._length = 0;
        return b;
    }

    public ReadOnlySpan<byte> Written => _buffer.AsSpan(0, _length);

    public RawJsonBuilder Append(ReadOnlySpan<byte> utf8)
    {
        utf8.CopyTo(_buffer.AsSpan(_length));
        _length += utf8.Length;
        return this;
    }

    public RawJsonBuilder AppendAscii(string s)
    {
        foreach (var c in s) _buffer[_length++] = (byte)c;
        return this;
    }

    /// <summary>An integer, left-padded with zeros to <paramref name="minDigits"/>.</summary>
    public RawJsonBuilder Append(long value, int minDigits = 1)
    {
        System.Buffers.Text.Utf8Formatter.TryFormat(value, _buffer.AsSpan(_length), out var n, new System.Buffers.StandardFormat('D', (byte)minDigits));
        _length += n;
        return this;
    }

    /// <summary>scaled / 10^decimals as a plain decimal number without trailing zeros, e.g. (1234, 2) -> 12.34, (5000, 4) -> 0.5.</summary>
    public RawJsonBuilder AppendFixed(long scaled, int decimals)
    {
        if (scaled < 0) { _buffer[_length++] = (byte)'-'; scaled = -scaled; }
        long pow = 1;
        for (var i = 0; i < decimals; i++) pow *= 10;
        Append(scaled / pow);
        var frac = scaled % pow;
        if (frac == 0) return this;
        var digits = decimals;
        while (frac % 10 == 0) { frac /= 10; digits--; }
        _buffer[_length++] = (byte)'.';
        return Append(frac, digits);
    }
}

/// <summary>synthetic-N (N in 1..1,000,000): a COMPLETED job with N COMPLETED steps, none stored.</summary>
internal sealed class SyntheticJob : JobBase
{
    public const int MaxSteps = 1_000_000;
    private const double BaseTime = 1732000000.0;
    private readonly int _n;

    public SyntheticJob(string name, int n) : base(name) => _n = n;

    public static bool TryParse(string name, out int n)
    {
        n = 0;
        if (!name.StartsWith("synthetic-", StringComparison.Ordinal)) return false;
        var digits = name.AsSpan(10);
        if (digits.Length is 0 or > 7 || digits[0] == '0') return false;
        foreach (var c in digits) if (c is < '0' or > '9') return false;
        n = int.Parse(digits, System.Globalization.CultureInfo.InvariantCulture);
        return n is >= 1 and <= MaxSteps;
    }

    public override double CreationTime => BaseTime + _n + 0.5;
    private double StepStart(int i) => CreationTime + 120 + i * 0.5;
    private double Finished => StepStart(_n) + 900.125;
    public override string JobType => "Default";
    public override string? JobDescription => $"Synthetic job with {_n} steps";
    public override string RoleArn => $"arn:aws:iam::{JobStore.AccountId}:role/IRStepsEmulatorRole";
    public override string? ModelName => "synthetic-model";
    public override string? ModelPackageVersionArn => null;
    public override string? SamplePayloadUrl => "s3://irsteps-emulator/payloads/synthetic.tar.gz";
    protected override JobState NaturalState(double now) => new("COMPLETED", Finished, Finished, null);
    public override int StepCount => _n;
    public override string StepStatus(int index, double now) => "COMPLETED";

    public override void WriteStep(Utf8JsonWriter w, int index, string status, double now)
        => StepGenerator.WriteStep(w, JobName, (ulong)_n, index, status, StepStart(index), withEndpointMetrics: true, failureReason: null);

    public override int WritePage(Utf8JsonWriter w, string? status, string? stepType, int offset, int max, double now)
    {
        if ((status is not null && status != "COMPLETED") || (stepType is not null && stepType != "BENCHMARK")) return -1;
        var end = Math.Min(_n, offset + max);
        for (var i = offset; i < end; i++) WriteStep(w, i, "COMPLETED", now);
        return end < _n ? end : -1;
    }

    public override void WriteDescribeExtras(Utf8JsonWriter w, string region)
    {
        w.WriteStartObject("InputConfig");
        w.WriteString("ModelName", ModelName);
        w.WriteNumber("JobDurationInSeconds", 7200);
        w.WriteStartArray("Endpoints");
        w.WriteStartObject(); w.WriteString("EndpointName", "synthetic-existing-endpoint"); w.WriteEndObject();
        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteStartArray("InferenceRecommendations");
        w.WriteEndArray();
        w.WriteStartArray("EndpointPerformances");
        w.WriteStartObject();
        w.WriteStartObject("Metrics");
        w.WriteNumber("MaxInvocations", 1000 + _n % 500);
        w.WriteNumber("ModelLatency", 30 + _n % 70);
        w.WriteEndObject();
        w.WriteStartObject("EndpointInfo"); w.WriteString("EndpointName", "synthetic-existing-endpoint"); w.WriteEndObject();
        w.WriteEndObject();
        w.WriteEndArray();
    }
}

/// <summary>
/// A job created through POST /__emulator/jobs: PENDING for one phase, then IN_PROGRESS with one step completing
/// per phase, then COMPLETED (or FAILED, with the last step failing). Everything is computed from elapsed time.
/// </summary>
internal sealed class DynamicJob : JobBase
{
    public const string StepFailureReason = "Benchmark failed: the model container exited with code 137 (out of memory).";
    public const string JobFailureReason = "One or more benchmarks failed. See the job's steps for details.";
    private readonly int _steps;
    private readonly bool _fail;
    private readonly double _phase;
    private readonly double _created;
    private readonly ulong _seed;

    public DynamicJob(string name, int steps, bool fail, double phaseSeconds, double created) : base(name)
    {
        _steps = steps;
        _fail = fail;
        _phase = phaseSeconds;
        _created = created;
        _seed = (ulong)name.GetHashCode(StringComparison.Ordinal) & 0xFFFFFFFF;
    }

    public override double CreationTime => _created;
    public override string JobType => "Default";
    public override string? JobDescription => "Dynamic job created through the emulator control API";
    public override string RoleArn => $"arn:aws:iam::{JobStore.AccountId}:role/IRStepsEmulatorRole";
    public override string? ModelName => "dynamic-model";
    public override string? ModelPackageVersionArn => null;
    public override string? SamplePayloadUrl => null;
    public override int StepCount => _steps;

    /// <summary>Step i finishes at created + phase * (i + 2); the job ends when its last step does.</summary>
    private double StepDone(int i) => _created + _phase * (i + 2);
    private double JobDone => _created + _phase * (_steps + 1);

    protected override JobState NaturalState(double now)
    {
        if (now < _created + _phase) return new JobState("PENDING", _created, null, null);
        if (now < JobDone)
        {
            // LastModifiedTime moves with each completed step.
            var done = _phase > 0 ? (int)Math.Floor((now - _created) / _phase) - 1 : _steps;
            var last = done <= 0 ? _created + _phase : StepDone(Math.Min(done, _steps) - 1);
            return new JobState("IN_PROGRESS", last, null, null);
        }
        return _fail && _steps > 0
            ? new JobState("FAILED", JobDone, JobDone, JobFailureReason)
            : new JobState("COMPLETED", JobDone, JobDone, null);
    }

    public override string StepStatus(int index, double now)
    {
        var t = ProgressTime(now);
        if (t >= StepDone(index)) return _fail && index == _steps - 1 ? "FAILED" : "COMPLETED";
        return State(now).Status == "STOPPED" ? "STOPPED" : "PENDING";
    }

    public override void WriteStep(Utf8JsonWriter w, int index, string status, double now)
        => StepGenerator.WriteStep(w, JobName, _seed, index, status, StepDone(index) - Math.Max(_phase, 0.001) / 2,
            withEndpointMetrics: false, failureReason: status == "FAILED" ? StepFailureReason : null);

    public override void WriteDescribeExtras(Utf8JsonWriter w, string region)
    {
        w.WriteStartObject("InputConfig");
        w.WriteString("ModelName", ModelName);
        w.WriteNumber("JobDurationInSeconds", 7200);
        w.WriteEndObject();
    }
}
