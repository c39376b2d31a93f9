namespace IRSteps.Emulator;

/// <summary>One API request as the emulator saw it (control-API calls are not logged).</summary>
public sealed class RequestLogEntry
{
    public DateTimeOffset Time { get; set; }
    /// <summary>The x-amzn-RequestId the emulator answered with (also on errors).</summary>
    public string? RequestId { get; set; }
    public string? Operation { get; set; }
    public string? Target { get; set; }
    public string? JobName { get; set; }
    public string? AccessKey { get; set; }
    public string? Region { get; set; }
    public string? Service { get; set; }
    public string? SessionToken { get; set; }
    /// <summary>The SigV4 signature the client sent (hex), so tests can assert it never shows in any output.</summary>
    public string? Signature { get; set; }
    /// <summary>The raw request body (JSON for SageMaker, form-encoded for STS query calls).</summary>
    public string Body { get; set; } = "";
    /// <summary>For STS query requests: the decoded form parameters (Action, RoleArn, RoleSessionName, ...); null otherwise.</summary>
    public Dictionary<string, string>? Parameters { get; set; }
    /// <summary>HTTP status sent; 0 while a Hang fault holds the request; 499 when the client disconnected before an answer.</summary>
    public int StatusCode { get; set; }
    public string? ErrorCode { get; set; }
    public string? UserAgent { get; set; }
}

/// <summary>Thread-safe, append-only log of API requests.</summary>
public sealed class RequestLog
{
    private readonly List<RequestLogEntry> _entries = new();

    public void Add(RequestLogEntry entry)
    {
        lock (_entries) _entries.Add(entry);
    }

    public IReadOnlyList<RequestLogEntry> Snapshot()
    {
        lock (_entries) return _entries.ToArray();
    }

    public IReadOnlyList<RequestLogEntry> ForOperation(string operation)
        => Snapshot().Where(e => string.Equals(e.Operation, operation, StringComparison.Ordinal)).ToArray();

    public int Count
    {
        get { lock (_entries) return _entries.Count; }
    }

    public void Clear()
    {
        lock (_entries) _entries.Clear();
    }
}
