using System.Collections.Concurrent;
using System.Text.Json;

namespace IRSteps.Emulator;

/// <summary>A job's time-dependent state as seen at one instant.</summary>
internal readonly record struct JobState(string Status, double LastModifiedTime, double? CompletionTime, string? FailureReason);

/// <summary>
/// Base of the three kinds of jobs: fixture (from jobs.json), dynamic (created through the control API,
/// status computed from elapsed time on each read) and synthetic (synthetic-N, generated on demand).
/// </summary>
internal abstract class JobBase
{
    /// <summary>A stopped job reports STOPPING for this long, then STOPPED.</summary>
    public const double StoppingSeconds = 0.3;

    protected JobBase(string jobName) => JobName = jobName;

    public string JobName { get; }
    public abstract double CreationTime { get; }
    public abstract string JobType { get; }
    public abstract string? JobDescription { get; }
    public abstract string RoleArn { get; }
    public abstract string? ModelName { get; }
    public abstract string? ModelPackageVersionArn { get; }
    public abstract string? SamplePayloadUrl { get; }

    /// <summary>Set by StopInferenceRecommendationsJob (epoch seconds); cleared by reset.</summary>
    public double? StopRequestedAt { get; set; }

    /// <summary>State ignoring any stop request.</summary>
    protected abstract JobState NaturalState(double now);

    public JobState State(double now)
    {
        if (StopRequestedAt is not double stop) return NaturalState(now);
        if (now - stop < StoppingSeconds) return new JobState("STOPPING", stop, null, null);
        return new JobState("STOPPED", stop + StoppingSeconds, stop + StoppingSeconds, null);
    }

    /// <summary>Time used for step progress: progress freezes when a stop is requested.</summary>
    protected double ProgressTime(double now) => StopRequestedAt is double stop && stop < now ? stop : now;

    public abstract int StepCount { get; }
    public virtual string StepType(int index) => "BENCHMARK";
    public abstract string StepStatus(int index, double now);
    public abstract void WriteStep(Utf8JsonWriter w, int index, string status, double now);

    /// <summary>
    /// Writes the matching steps [offset, offset+max) and returns the offset of the next page, or -1 if this was the last.
    /// Fixture and dynamic jobs are small, so filtering is a scan; synthetic jobs override this with direct indexing.
    /// </summary>
    public virtual int WritePage(Utf8JsonWriter w, string? status, string? stepType, int offset, int max, double now)
    {
        var matched = 0;
        var written = 0;
        for (var i = 0; i < StepCount; i++)
        {
            if (stepType is not null && StepType(i) != stepType) continue;
            var s = StepStatus(i, now);
            if (status is not null && s != status) continue;
            if (matched++ < offset) continue;
            if (written == max) return offset + written;
            WriteStep(w, i, s, now);
            written++;
        }
        return -1;
    }

    /// <summary>Describe members beyond the summary ones (InputConfig, StoppingConditions, ...).</summary>
    public abstract void WriteDescribeExtras(Utf8JsonWriter w, string region);

    public string JobArn(string region) => $"arn:aws:sagemaker:{region}:{JobStore.AccountId}:inference-recommendations-job/{JobName}";
}

/// <summary>All jobs the emulator knows: fixtures, dynamic jobs and (implicitly) synthetic-N.</summary>
public sealed class JobStore
{
    public const string AccountId = "123456789012";

    private readonly List<FixtureJob> _fixtures;
    private readonly Dictionary<string, FixtureJob> _fixtureByName;
    private readonly ConcurrentDictionary<string, DynamicJob> _dynamic = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;

    internal JobStore(List<FixtureJob> fixtures, TimeProvider time)
    {
        _fixtures = fixtures;
        _fixtureByName = fixtures.ToDictionary(j => j.JobName, StringComparer.Ordinal);
        _time = time;
    }

    public IReadOnlyCollection<string> FixtureJobNames => _fixtureByName.Keys;

    internal JobBase? Find(string name)
    {
        if (_fixtureByName.TryGetValue(name, out var f)) return f;
        if (_dynamic.TryGetValue(name, out var d)) return d;
        if (SyntheticJob.TryParse(name, out var n)) return new SyntheticJob(name, n);
        return null;
    }

    /// <summary>Jobs that ListInferenceRecommendationsJobs shows: fixtures and dynamic jobs, not synthetic ones.</summary>
    internal IEnumerable<JobBase> Listable() => _fixtures.Cast<JobBase>().Concat(_dynamic.Values);

    /// <summary>Creates (or replaces) a dynamic job starting now.</summary>
    public void AddDynamic(string name, int steps, bool fail, int phaseMs)
    {
        if (_fixtureByName.ContainsKey(name) || SyntheticJob.TryParse(name, out _))
            throw new ArgumentException($"Job name '{name}' is taken by a fixture or synthetic job.");
        if (steps < 0 || phaseMs < 0) throw new ArgumentException("Steps and PhaseMs must not be negative.");
        _dynamic[name] = new DynamicJob(name, steps, fail, phaseMs / 1000.0, AwsJson.NowEpoch(_time));
    }

    public void Reset()
    {
        _dynamic.Clear();
        foreach (var f in _fixtures) f.StopRequestedAt = null;
    }
}
