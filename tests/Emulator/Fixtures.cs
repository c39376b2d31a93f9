using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace IRSteps.Emulator;

/// <summary>
/// Loads fixtures/jobs.json: <c>{"Jobs":[{ ...Describe members in wire format..., "Steps":[ ...raw steps... ]}]}</c>.
/// Steps are kept as the raw JSON the service would send, so members the emulator does not model pass through verbatim.
/// JobArn is not stored: it is computed from the region the request was signed for.
/// </summary>
internal static class Fixtures
{
    public const string ResourceName = "IRSteps.Emulator.fixtures.jobs.json";

    internal static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static List<FixtureJob> Load(string? path)
    {
        byte[] bytes;
        if (path is not null)
        {
            bytes = File.ReadAllBytes(path);
        }
        else
        {
            using var s = typeof(Fixtures).Assembly.GetManifestResourceStream(ResourceName)
                          ?? throw new InvalidOperationException("Embedded fixtures missing.");
            using var ms = new MemoryStream();
            s.CopyTo(ms);
            bytes = ms.ToArray();
        }

        using var doc = JsonDocument.Parse(bytes, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var jobs = new List<FixtureJob>();
        foreach (var job in doc.RootElement.GetProperty("Jobs").EnumerateArray())
            jobs.Add(new FixtureJob(job.Clone()));
        return jobs;
    }

    internal static byte[] Minify(JsonElement e)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var w = new Utf8JsonWriter(buffer, WriterOptions)) e.WriteTo(w);
        return buffer.WrittenSpan.ToArray();
    }
}

internal sealed class FixtureStep
{
    public required string Type { get; init; }
    public required string Status { get; init; }
    public required byte[] Raw { get; init; }
    /// <summary>For PENDING / IN_PROGRESS steps: the same step with Status STOPPED, served once the job is stopped.</summary>
    public byte[]? StoppedRaw { get; init; }
}

internal sealed class FixtureJob : JobBase
{
    private static readonly HashSet<string> SummaryMembers =
    [
        "JobName", "JobDescription", "JobType", "JobArn", "RoleArn", "Status", "CreationTime", "CompletionTime",
        "LastModifiedTime", "FailureReason", "Steps",
    ];

    private readonly JsonElement _doc;
    private readonly string _status;
    private readonly double _lastModified;
    private readonly double? _completion;
    private readonly string? _failureReason;
    private readonly FixtureStep[] _steps;

    public FixtureJob(JsonElement doc) : base(doc.GetProperty("JobName").GetString()!)
    {
        _doc = doc;
        string? Str(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        double? Num(string name) => doc.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : null;

        _status = Str(doc, "Status") ?? "COMPLETED";
        CreationTime = Num("CreationTime") ?? 1732000000;
        _lastModified = Num("LastModifiedTime") ?? CreationTime;
        _completion = Num("CompletionTime");
        _failureReason = Str(doc, "FailureReason");
        JobType = Str(doc, "JobType") ?? "Default";
        JobDescription = Str(doc, "JobDescription");
        RoleArn = Str(doc, "RoleArn") ?? $"arn:aws:iam::{JobStore.AccountId}:role/IRStepsEmulatorRole";
        if (doc.TryGetProperty("InputConfig", out var input))
        {
            ModelName = Str(input, "ModelName");
            ModelPackageVersionArn = Str(input, "ModelPackageVersionArn");
            if (input.TryGetProperty("ContainerConfig", out var cc) && cc.TryGetProperty("PayloadConfig", out var pc))
                SamplePayloadUrl = Str(pc, "SamplePayloadUrl");
        }

        var steps = new List<FixtureStep>();
        if (doc.TryGetProperty("Steps", out var stepsElement))
        {
            foreach (var s in stepsElement.EnumerateArray())
            {
                var status = Str(s, "Status") ?? "COMPLETED";
                byte[]? stopped = null;
                if (status is "PENDING" or "IN_PROGRESS")
                {
                    var node = JsonNode.Parse(s.GetRawText())!.AsObject();
                    node["Status"] = "STOPPED";
                    var buffer = new ArrayBufferWriter<byte>(1024);
                    using (var w = new Utf8JsonWriter(buffer, Fixtures.WriterOptions)) node.WriteTo(w);
                    stopped = buffer.WrittenSpan.ToArray();
                }
                steps.Add(new FixtureStep { Type = Str(s, "StepType") ?? "BENCHMARK", Status = status, Raw = Fixtures.Minify(s), StoppedRaw = stopped });
            }
        }
        _steps = steps.ToArray();
    }

    public override double CreationTime { get; }
    public override string JobType { get; }
    public override string? JobDescription { get; }
    public override string RoleArn { get; }
    public override string? ModelName { get; }
    public override string? ModelPackageVersionArn { get; }
    public override string? SamplePayloadUrl { get; }

    protected override JobState NaturalState(double now) => new(_status, _lastModified, _completion, _failureReason);

    public override int StepCount => _steps.Length;
    public override string StepType(int index) => _steps[index].Type;

    public override string StepStatus(int index, double now)
    {
        var step = _steps[index];
        return step.StoppedRaw is not null && StopRequestedAt is not null && State(now).Status == "STOPPED" ? "STOPPED" : step.Status;
    }

    public override void WriteStep(Utf8JsonWriter w, int index, string status, double now)
    {
        var step = _steps[index];
        w.WriteRawValue(status != step.Status && step.StoppedRaw is not null ? step.StoppedRaw : step.Raw, skipInputValidation: true);
    }

    public override void WriteDescribeExtras(Utf8JsonWriter w, string region)
    {
        foreach (var p in _doc.EnumerateObject())
        {
            if (SummaryMembers.Contains(p.Name)) continue;
            p.WriteTo(w);
        }
    }
}
