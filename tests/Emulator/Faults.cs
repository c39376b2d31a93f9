using System.Text.Json.Serialization;

namespace IRSteps.Emulator;

/// <summary>What an injected fault does to the request it hits.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<FaultKind>))]
public enum FaultKind
{
    /// <summary>400 ThrottlingException "Rate exceeded".</summary>
    Throttle,
    /// <summary>500 InternalFailure.</summary>
    ServerError,
    /// <summary>503 ServiceUnavailable.</summary>
    ServiceUnavailable,
    /// <summary>200 with a cut JSON body: <c>{"Steps":[{"StepType":</c>.</summary>
    MalformedJson,
    /// <summary>200 with a text/html page (a captive proxy).</summary>
    Html200,
    /// <summary>502 with a text/html page.</summary>
    Html502,
    /// <summary>The real answer, but Content-Length claims more than is sent; then the connection closes.</summary>
    Truncated,
    /// <summary>Half of the real answer, then the connection is aborted.</summary>
    ResetMidBody,
    /// <summary>Waits DelayMs, then answers normally.</summary>
    Slow,
    /// <summary>Never answers; ends only when the client disconnects (or the emulator stops).</summary>
    Hang,
    /// <summary>A normal page whose NextToken repeats the request's NextToken (first page: a token that repeats itself).</summary>
    RepeatToken,
    /// <summary><c>{"Steps":[],"NextToken":...}</c> with a valid token for the same position.</summary>
    EmptyPageWithToken,
    /// <summary>400 ValidationException "Invalid pagination token.".</summary>
    BadToken,
    /// <summary>400 AccessDeniedException.</summary>
    AccessDenied,
}

/// <summary>One queued fault. Operation / JobName null match anything. DelayMs applies before any kind (it is what Slow waits).</summary>
public sealed class FaultSpec
{
    public FaultKind Kind { get; set; }
    public string? Operation { get; set; }
    public string? JobName { get; set; }
    public int Times { get; set; } = 1;
    public int DelayMs { get; set; }
    /// <summary>When set, the answer carries <c>x-amz-retry-after</c> with this many milliseconds (the SDK waits at least that long before retrying).</summary>
    public int? RetryAfterMs { get; set; }

    internal bool Matches(string? operation, string? jobName)
        => (Operation is null || string.Equals(Operation, operation, StringComparison.OrdinalIgnoreCase))
           && (JobName is null || string.Equals(JobName, jobName, StringComparison.Ordinal));
}

/// <summary>FIFO of faults; each applies to the next matching request(s) and is used up after <see cref="FaultSpec.Times"/>.</summary>
public sealed class FaultQueue
{
    private readonly List<FaultSpec> _pending = new();
    private volatile int _count;

    public void Add(FaultSpec fault)
    {
        if (fault.Times < 1) return;
        lock (_pending) { _pending.Add(fault); _count = _pending.Count; }
    }

    public void Add(FaultKind kind, string? operation = null, string? jobName = null, int times = 1, int delayMs = 0, int? retryAfterMs = null)
        => Add(new FaultSpec { Kind = kind, Operation = operation, JobName = jobName, Times = times, DelayMs = delayMs, RetryAfterMs = retryAfterMs });

    public void Clear()
    {
        lock (_pending) { _pending.Clear(); _count = 0; }
    }

    public IReadOnlyList<FaultSpec> Pending()
    {
        lock (_pending) return _pending.Select(f => new FaultSpec { Kind = f.Kind, Operation = f.Operation, JobName = f.JobName, Times = f.Times, DelayMs = f.DelayMs, RetryAfterMs = f.RetryAfterMs }).ToList();
    }

    /// <summary>Takes one use of the first fault matching this request, or null.</summary>
    public FaultSpec? TryTake(string? operation, string? jobName)
    {
        if (_count == 0) return null; // hot path: no lock when nothing is queued
        lock (_pending)
        {
            for (var i = 0; i < _pending.Count; i++)
            {
                var f = _pending[i];
                if (!f.Matches(operation, jobName)) continue;
                if (--f.Times <= 0) _pending.RemoveAt(i);
                _count = _pending.Count;
                return new FaultSpec { Kind = f.Kind, Operation = f.Operation, JobName = f.JobName, Times = 1, DelayMs = f.DelayMs, RetryAfterMs = f.RetryAfterMs };
            }
        }
        return null;
    }
}

/// <summary>Canned bodies for the faults that replace the answer outright.</summary>
internal static class FaultResponses
{
    public static ApiResponse? Replacement(FaultKind kind, string operation, string? jobName, string region) => kind switch
    {
        FaultKind.Throttle => ApiResponse.Error(400, "ThrottlingException", "Rate exceeded"),
        FaultKind.ServerError => ApiResponse.Error(500, "InternalFailure", "We encountered an internal error. Please try again."),
        FaultKind.ServiceUnavailable => ApiResponse.Error(503, "ServiceUnavailable", "Service Unavailable"),
        FaultKind.BadToken => ApiResponse.Error(400, "ValidationException", "Invalid pagination token."),
        FaultKind.AccessDenied => ApiResponse.Error(400, "AccessDeniedException",
            $"User: arn:aws:iam::{JobStore.AccountId}:user/irsteps-emulator is not authorized to perform: sagemaker:{operation} on resource: " +
            $"arn:aws:sagemaker:{region}:{JobStore.AccountId}:inference-recommendations-job/{jobName ?? "*"} because no identity-based policy allows the sagemaker:{operation} action"),
        FaultKind.MalformedJson => new ApiResponse { Body = "{\"Steps\":[{\"StepType\":"u8.ToArray() },
        FaultKind.Html200 => new ApiResponse
        {
            ContentType = "text/html; charset=utf-8",
            Body = "<!DOCTYPE html>\n<html><head><title>Network Login</title></head><body><h1>Proxy authentication required</h1><p>Please sign in to continue.</p></body></html>\n"u8.ToArray(),
        },
        FaultKind.Html502 => new ApiResponse
        {
            Status = 502,
            ContentType = "text/html",
            Body = "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n</body>\r\n</html>\r\n"u8.ToArray(),
        },
        _ => null,
    };
}
