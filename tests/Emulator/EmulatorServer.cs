using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using IRSteps.Emulator.Operations;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace IRSteps.Emulator;

public sealed class EmulatorOptions
{
    /// <summary>TCP port on 127.0.0.1; 0 picks a free one.</summary>
    public int Port { get; set; }
    /// <summary>A jobs.json to load instead of the embedded default fixtures.</summary>
    public string? FixturesPath { get; set; }
    /// <summary>Clock for job progress and signature expiry (tests may pass a fake).</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;
}

/// <summary>Runtime knobs set through POST /__emulator/config.</summary>
public sealed class EmulatorConfig
{
    /// <summary>Delay added to every List* operation.</summary>
    public int PageDelayMs { get; set; }
}

/// <summary>
/// The emulator: a Kestrel server on 127.0.0.1 speaking SageMaker's AWS JSON 1.1 protocol (plus a little STS),
/// with a control API under /__emulator/.
/// </summary>
public sealed class EmulatorServer : IAsyncDisposable
{
    private static readonly JsonSerializerOptions ControlJson = new()
    {
        PropertyNameCaseInsensitive = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter() },
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
    };

    private delegate ApiResponse Operation(OperationContext context);

    private static readonly Dictionary<string, Operation> Operations = new(StringComparer.Ordinal)
    {
        ["ListInferenceRecommendationsJobSteps"] = ListInferenceRecommendationsJobSteps.Handle,
        ["ListInferenceRecommendationsJobs"] = ListInferenceRecommendationsJobs.Handle,
        ["DescribeInferenceRecommendationsJob"] = DescribeInferenceRecommendationsJob.Handle,
        ["StopInferenceRecommendationsJob"] = StopInferenceRecommendationsJob.Handle,
    };

    private readonly WebApplication _app;
    private readonly TimeProvider _time;
    private readonly SigV4Verifier _verifier;
    private readonly CancellationTokenSource _stopping = new();
    private readonly TaskCompletionSource _shutdownRequested = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _disposed;
    private long _served, _serverTicks;

    public Uri BaseUrl { get; private set; } = null!;
    public int Port => BaseUrl.Port;
    public RequestLog Requests { get; } = new();
    public FaultQueue Faults { get; } = new();
    public EmulatorConfig Config { get; } = new();
    public JobStore Jobs { get; }
    public Sts Sts { get; }

    /// <summary>Completes when POST /__emulator/shutdown is called.</summary>
    public Task ShutdownRequested => _shutdownRequested.Task;

    private EmulatorServer(EmulatorOptions options)
    {
        _time = options.TimeProvider;
        Jobs = new JobStore(Fixtures.Load(options.FixturesPath), _time);
        Sts = new Sts(_time);
        _verifier = new SigV4Verifier(Sts, _time);

        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k =>
        {
            k.AddServerHeader = false;
            k.Limits.MinResponseDataRate = null;
            k.Limits.MaxResponseBufferSize = 4 * 1024 * 1024; // a whole page fits: no waiting on the client mid-write
            k.Listen(IPAddress.Loopback, options.Port, l => l.Protocols = HttpProtocols.Http1);
        });
        builder.Services.Configure<HostOptions>(h => h.ShutdownTimeout = TimeSpan.FromSeconds(2));
        _app = builder.Build();
        _app.Run(HandleAsync);
    }

    public static async Task<EmulatorServer> StartAsync(EmulatorOptions? options = null)
    {
        var server = new EmulatorServer(options ?? new EmulatorOptions());
        await server._app.StartAsync().ConfigureAwait(false);
        var address = server._app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        server.BaseUrl = new Uri($"http://127.0.0.1:{new Uri(address).Port}/");
        return server;
    }

    /// <summary>Clears the request log, queued faults, config, dynamic jobs and stop requests.</summary>
    public void Reset()
    {
        Requests.Clear();
        Faults.Clear();
        Config.PageDelayMs = 0;
        Jobs.Reset();
        Interlocked.Exchange(ref _served, 0);
        Interlocked.Exchange(ref _serverTicks, 0);
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        _stopping.Cancel();
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        _stopping.Dispose();
    }

    private async Task HandleAsync(HttpContext ctx)
    {
        if (ctx.Request.Path.StartsWithSegments("/__emulator", out var rest))
            await HandleControlAsync(ctx, rest.Value ?? "").ConfigureAwait(false);
        else
        {
            var start = System.Diagnostics.Stopwatch.GetTimestamp();
            await HandleApiAsync(ctx).ConfigureAwait(false);
            Interlocked.Add(ref _serverTicks, System.Diagnostics.Stopwatch.GetTimestamp() - start);
            Interlocked.Increment(ref _served);
        }
    }

    // ---------------------------------------------------------------- API requests

    private async Task HandleApiAsync(HttpContext ctx)
    {
        var request = ctx.Request;
        var requestId = Guid.NewGuid().ToString();
        var body = await ReadBodyAsync(request).ConfigureAwait(false);
        var target = Header(request, "x-amz-target");
        var entry = new RequestLogEntry
        {
            Time = _time.GetUtcNow(),
            RequestId = requestId,
            Target = target,
            Body = Encoding.UTF8.GetString(body),
            UserAgent = Header(request, "user-agent"),
        };

        // Which protocol: SageMaker JSON 1.1 (X-Amz-Target SageMaker.*) or STS awsQuery (form body with Action=...).
        string? operation = null;
        Dictionary<string, string>? form = null;
        var isSts = false;
        if (target is not null)
        {
            var dot = target.IndexOf('.');
            operation = dot >= 0 ? target[(dot + 1)..] : target;
        }
        else if (request.Method == "POST" && (request.ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) ?? false))
        {
            isSts = true;
            form = Sts.ParseForm(entry.Body);
            entry.Parameters = form;
            operation = form.GetValueOrDefault("Action");
        }
        entry.Operation = operation;

        JsonDocument? input = null;
        try
        {
            if (!isSts)
            {
                try
                {
                    input = JsonDocument.Parse(body.Length == 0 ? "{}"u8.ToArray() : body);
                    if (input.RootElement.ValueKind == JsonValueKind.Object && input.RootElement.TryGetProperty("JobName", out var jn) && jn.ValueKind == JsonValueKind.String)
                        entry.JobName = jn.GetString();
                }
                catch (JsonException) { input = null; }
            }

            var auth = _verifier.Verify(request.Method, RawTarget(ctx), name => Header(request, name), body, isSts ? "sts" : "sagemaker");
            entry.AccessKey = auth.AccessKey;
            entry.Region = auth.Region;
            entry.Service = auth.Service;
            entry.SessionToken = auth.SessionToken ?? Header(request, "x-amz-security-token");
            entry.Signature = SignatureOf(Header(request, "authorization"));
            if (!auth.Ok)
            {
                var error = isSts
                    ? Sts.Error(auth.ErrorCode == "MissingAuthenticationTokenException" ? 403 : 403, "Sender", auth.ErrorCode!, auth.ErrorMessage!, requestId)
                    : ApiResponse.Error(400, auth.ErrorCode!, auth.ErrorMessage!);
                await SendAsync(ctx, requestId, error, entry).ConfigureAwait(false);
                return;
            }

            var fault = Faults.TryTake(operation, entry.JobName);
            if (fault is not null)
            {
                if (fault.DelayMs > 0)
                    await Task.Delay(fault.DelayMs, ctx.RequestAborted).ConfigureAwait(false);
                if (fault.Kind == FaultKind.Hang)
                {
                    entry.ErrorCode = "Hang";
                    Requests.Add(entry);
                    using var linked = CancellationTokenSource.CreateLinkedTokenSource(ctx.RequestAborted, _stopping.Token);
                    try { await Task.Delay(Timeout.Infinite, linked.Token).ConfigureAwait(false); }
                    catch (OperationCanceledException) { }
                    if (ctx.RequestAborted.IsCancellationRequested) entry.StatusCode = ClientClosedRequest;
                    ctx.Abort();
                    return;
                }
                if (FaultResponses.Replacement(fault.Kind, operation ?? "", entry.JobName, auth.Region ?? "us-east-1") is { } replacement)
                {
                    if (fault.RetryAfterMs is int retryAfter)
                        ctx.Response.Headers["x-amz-retry-after"] = retryAfter.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    await SendAsync(ctx, requestId, replacement, entry).ConfigureAwait(false);
                    return;
                }
            }

            ApiResponse response;
            if (isSts)
            {
                response = Sts.Handle(operation ?? "", form!, auth, requestId);
            }
            else if (operation is null || target is null || !target.StartsWith("SageMaker.", StringComparison.Ordinal)
                     || !Operations.TryGetValue(operation, out var handler))
            {
                response = ApiResponse.Error(400, "UnknownOperationException", target is null ? "Missing X-Amz-Target header." : $"Unknown operation {target}");
            }
            else if (input is null)
            {
                response = ApiResponse.Error(400, "SerializationException", "Could not parse the request body as JSON.");
            }
            else
            {
                if (Config.PageDelayMs > 0 && operation.StartsWith("List", StringComparison.Ordinal))
                    await Task.Delay(Config.PageDelayMs, ctx.RequestAborted).ConfigureAwait(false);
                var context = new OperationContext
                {
                    Jobs = Jobs,
                    Input = input.RootElement,
                    Region = auth.Region ?? "us-east-1",
                    Now = AwsJson.NowEpoch(_time),
                    PagingFault = fault?.Kind is FaultKind.RepeatToken or FaultKind.EmptyPageWithToken ? fault.Kind : null,
                };
                try { response = handler(context); }
                catch (ApiException e) { response = ApiResponse.Error(e.Status, e.Code, e.Message); }
            }

            switch (fault?.Kind)
            {
                case FaultKind.Truncated:
                    await SendBrokenAsync(ctx, requestId, response, entry, declaredLength: response.Body.Length + 100, sentLength: response.Body.Length).ConfigureAwait(false);
                    return;
                case FaultKind.ResetMidBody:
                    await SendBrokenAsync(ctx, requestId, response, entry, declaredLength: response.Body.Length, sentLength: response.Body.Length / 2).ConfigureAwait(false);
                    return;
            }
            await SendAsync(ctx, requestId, response, entry).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (ctx.RequestAborted.IsCancellationRequested)
        {
            // The client went away (e.g. during a Slow fault or a page delay): logged, so tests can see it gave up.
            entry.StatusCode = ClientClosedRequest;
            entry.ErrorCode ??= "ClientClosedRequest";
            if (!Requests.Snapshot().Contains(entry)) Requests.Add(entry);
        }
        finally
        {
            input?.Dispose();
        }
    }

    /// <summary>The status logged for a request whose client disconnected before the answer (nginx's 499).</summary>
    public const int ClientClosedRequest = 499;

    private async Task SendAsync(HttpContext ctx, string requestId, ApiResponse r, RequestLogEntry entry)
    {
        entry.StatusCode = r.Status;
        entry.ErrorCode ??= r.ErrorCode;
        Requests.Add(entry);

        var response = ctx.Response;
        response.StatusCode = r.Status;
        response.Headers["x-amzn-RequestId"] = requestId;
        response.ContentType = r.ContentType;
        if (r.ErrorCode is not null && r.ContentType == ApiResponse.JsonContentType)
            response.Headers["x-amzn-ErrorType"] = r.ErrorCode;
        response.ContentLength = r.Body.Length;
        await response.Body.WriteAsync(r.Body).ConfigureAwait(false);
    }

    /// <summary>Sends <paramref name="sentLength"/> bytes of the body under a Content-Length of <paramref name="declaredLength"/>, then drops the connection.</summary>
    private async Task SendBrokenAsync(HttpContext ctx, string requestId, ApiResponse r, RequestLogEntry entry, int declaredLength, int sentLength)
    {
        entry.StatusCode = r.Status;
        entry.ErrorCode = r.ErrorCode ?? "BrokenResponse";
        Requests.Add(entry);

        var response = ctx.Response;
        response.StatusCode = r.Status;
        response.Headers["x-amzn-RequestId"] = requestId;
        response.ContentType = r.ContentType;
        response.ContentLength = declaredLength;
        try
        {
            await response.Body.WriteAsync(r.Body.AsMemory(0, sentLength)).ConfigureAwait(false);
            await response.Body.FlushAsync().ConfigureAwait(false);
            await Task.Delay(20).ConfigureAwait(false);
        }
        catch (Exception) { /* the client may already be gone */ }
        ctx.Abort();
    }

    /// <summary>The hex signature in a SigV4 Authorization header, or null.</summary>
    private static string? SignatureOf(string? authorization)
    {
        if (authorization is null) return null;
        var at = authorization.IndexOf("Signature=", StringComparison.Ordinal);
        if (at < 0) return null;
        var value = authorization[(at + "Signature=".Length)..];
        var end = value.IndexOf(',');
        return (end >= 0 ? value[..end] : value).Trim();
    }

    private static async Task<byte[]> ReadBodyAsync(HttpRequest request)
    {
        if (request.ContentLength is long length and <= 16 * 1024 * 1024)
        {
            var buffer = new byte[length];
            await request.Body.ReadExactlyAsync(buffer).ConfigureAwait(false);
            return buffer;
        }
        using var ms = new MemoryStream();
        await request.Body.CopyToAsync(ms).ConfigureAwait(false);
        return ms.ToArray();
    }

    private static string? Header(HttpRequest request, string name)
    {
        var values = request.Headers[name];
        return values.Count switch
        {
            0 => null,
            1 => values[0],
            _ => string.Join(',', values.ToArray()),
        };
    }

    private static string RawTarget(HttpContext ctx)
        => ctx.Features.Get<IHttpRequestFeature>()?.RawTarget is { Length: > 0 } raw ? raw : ctx.Request.Path + ctx.Request.QueryString;

    // ---------------------------------------------------------------- control API

    private async Task HandleControlAsync(HttpContext ctx, string path)
    {
        var method = ctx.Request.Method;
        try
        {
            switch (path, method)
            {
                case ("/health", "GET"):
                    await ControlJsonAsync(ctx, 200, new { Status = "ok", Jobs = Jobs.FixtureJobNames.Count }).ConfigureAwait(false);
                    return;
                case ("/stats", "GET"):
                {
                    var served = Interlocked.Read(ref _served);
                    var seconds = (double)Interlocked.Read(ref _serverTicks) / System.Diagnostics.Stopwatch.Frequency;
                    await ControlJsonAsync(ctx, 200, new { Requests = served, ServerSeconds = seconds, AverageMs = served == 0 ? 0 : seconds * 1000 / served }).ConfigureAwait(false);
                    return;
                }
                case ("/requests", "GET"):
                    await ControlJsonAsync(ctx, 200, Requests.Snapshot()).ConfigureAwait(false);
                    return;
                case ("/requests", "DELETE"):
                    Requests.Clear();
                    await ControlJsonAsync(ctx, 200, new { }).ConfigureAwait(false);
                    return;
                case ("/faults", "GET"):
                    await ControlJsonAsync(ctx, 200, Faults.Pending()).ConfigureAwait(false);
                    return;
                case ("/faults", "DELETE"):
                    Faults.Clear();
                    await ControlJsonAsync(ctx, 200, new { }).ConfigureAwait(false);
                    return;
                case ("/faults", "POST"):
                {
                    var body = await ReadBodyAsync(ctx.Request).ConfigureAwait(false);
                    var trimmed = Encoding.UTF8.GetString(body).TrimStart();
                    var faults = trimmed.StartsWith('[')
                        ? JsonSerializer.Deserialize<List<FaultSpec>>(body, ControlJson) ?? []
                        : [JsonSerializer.Deserialize<FaultSpec>(body, ControlJson)!];
                    foreach (var f in faults) Faults.Add(f);
                    await ControlJsonAsync(ctx, 200, Faults.Pending()).ConfigureAwait(false);
                    return;
                }
                case ("/config", "GET"):
                    await ControlJsonAsync(ctx, 200, Config).ConfigureAwait(false);
                    return;
                case ("/config", "POST"):
                {
                    var body = await ReadBodyAsync(ctx.Request).ConfigureAwait(false);
                    var config = JsonSerializer.Deserialize<EmulatorConfig>(body, ControlJson) ?? new EmulatorConfig();
                    Config.PageDelayMs = Math.Max(0, config.PageDelayMs);
                    await ControlJsonAsync(ctx, 200, Config).ConfigureAwait(false);
                    return;
                }
                case ("/reset", "POST"):
                    Reset();
                    await ControlJsonAsync(ctx, 200, new { }).ConfigureAwait(false);
                    return;
                case ("/jobs", "POST"):
                {
                    var body = await ReadBodyAsync(ctx.Request).ConfigureAwait(false);
                    var spec = JsonSerializer.Deserialize<DynamicJobSpec>(body, ControlJson) ?? new DynamicJobSpec();
                    if (string.IsNullOrEmpty(spec.JobName) || !System.Text.RegularExpressions.Regex.IsMatch(spec.JobName, Enums.JobNamePattern))
                        throw new ArgumentException("JobName is required and must match " + Enums.JobNamePattern);
                    var outcome = (spec.Outcome ?? "COMPLETED").ToUpperInvariant();
                    if (outcome is not ("COMPLETED" or "FAILED")) throw new ArgumentException("Outcome must be COMPLETED or FAILED.");
                    Jobs.AddDynamic(spec.JobName, spec.Steps, outcome == "FAILED", spec.PhaseMs);
                    await ControlJsonAsync(ctx, 200, new { spec.JobName, spec.Steps, Outcome = outcome, spec.PhaseMs }).ConfigureAwait(false);
                    return;
                }
                case ("/shutdown", "POST"):
                    await ControlJsonAsync(ctx, 200, new { }).ConfigureAwait(false);
                    _shutdownRequested.TrySetResult();
                    return;
                default:
                    await ControlJsonAsync(ctx, 404, new { Error = $"No control endpoint {method} /__emulator{path}" }).ConfigureAwait(false);
                    return;
            }
        }
        catch (Exception e) when (e is JsonException or ArgumentException or NotSupportedException)
        {
            await ControlJsonAsync(ctx, 400, new { Error = e.Message }).ConfigureAwait(false);
        }
    }

    private sealed class DynamicJobSpec
    {
        public string? JobName { get; set; }
        public int Steps { get; set; } = 3;
        public string? Outcome { get; set; }
        public int PhaseMs { get; set; } = 200;
    }

    private static async Task ControlJsonAsync<T>(HttpContext ctx, int status, T value)
    {
        ctx.Response.StatusCode = status;
        ctx.Response.ContentType = "application/json";
        var bytes = JsonSerializer.SerializeToUtf8Bytes(value, ControlJson);
        ctx.Response.ContentLength = bytes.Length;
        await ctx.Response.Body.WriteAsync(bytes).ConfigureAwait(false);
    }
}
