using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using IRSteps.Emulator.Auth;
using IRSteps.Emulator.Control;
using IRSteps.Emulator.Faults;
using IRSteps.Emulator.Http;
using IRSteps.Emulator.Jobs;
using IRSteps.Emulator.Operations;
using IRSteps.Emulator.Protocol;

namespace IRSteps.Emulator
{
    /// <summary>Settings that change while an emulator runs.</summary>
    public sealed class EmulatorConfig
    {
        /// <summary>A delay added to every List* operation (the control API's POST /__emulator/config).</summary>
        public int PageDelayMs { get; set; }
    }

    /// <summary>
    /// The emulator: an HTTP/1.1 server on 127.0.0.1 that answers SageMaker's Inference Recommender operations (AWS
    /// JSON 1.1) and a little STS (awsQuery), verifies SigV4 signatures, injects the faults queued in
    /// <see cref="Faults"/> and logs every request. A request goes: route (unsigned endpoints such as the control
    /// API) or API call: operation found in the <see cref="OperationRegistry"/>, signature verified, fault applied,
    /// operation answered.
    /// </summary>
    public sealed class EmulatorServer : IDisposable
    {
        /// <summary>The status logged for a request whose client disconnected before the answer (nginx's 499).</summary>
        public const int ClientClosedRequest = 499;

        private readonly HttpServer http;
        private readonly IClock clock;
        private readonly SigV4Verifier verifier;
        private readonly List<Route> routes = new List<Route>();
        private readonly CancellationTokenSource stopping = new CancellationTokenSource();
        private readonly TaskCompletionSource<bool> shutdownRequested = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        private long served;
        private long serverTicks;
        private int disposed;

        private EmulatorServer(EmulatorOptions options)
        {
            clock = options.Clock ?? SystemClock.Instance;
            Region = options.Region ?? "us-east-1";
            Keys = new KeyStore(options.AcceptTestKeys);
            Jobs = new JobStore(options.SampleJobs ? FixtureJob.Load(options.FixturesPath) : new List<FixtureJob>(), options.SampleJobs, clock);
            verifier = new SigV4Verifier(Keys, clock);
            if (options.ControlApi) routes.Add(new Route("/__emulator/", new ControlApi(this).HandleAsync));
            http = HttpServer.Start(options.Port, HandleAsync);
        }

        /// <summary>Starts an emulator; throws SocketException when the port is taken.</summary>
        public static EmulatorServer Start(EmulatorOptions options = null) => new EmulatorServer(options ?? new EmulatorOptions());

        public int Port => http.Port;

        /// <summary>http://127.0.0.1:PORT, what -EndpointUrl and AWS_ENDPOINT_URL_SAGEMAKER take.</summary>
        public string EndpointUrl => "http://127.0.0.1:" + Port;

        /// <summary>The region reported to users (any region in a signature's scope is accepted).</summary>
        public string Region { get; }

        /// <summary>The emulator's own key pair, the STS-issued credentials, and (for the tests' host) the test keys.</summary>
        public KeyStore Keys { get; }

        public RequestLog Requests { get; } = new RequestLog();

        public FaultQueue Faults { get; } = new FaultQueue();

        public EmulatorConfig Config { get; } = new EmulatorConfig();

        public JobStore Jobs { get; }

        /// <summary>Completes when POST /__emulator/shutdown is called (the host then exits).</summary>
        public Task ShutdownRequested => shutdownRequested.Task;

        /// <summary>API requests answered and the server time they took (the control API's stats).</summary>
        public long ServedRequests => Interlocked.Read(ref served);

        public double ServerSeconds => (double)Interlocked.Read(ref serverTicks) / Stopwatch.Frequency;

        /// <summary>TCP connections accepted since the emulator started: a keep-alive client opens one for many requests.</summary>
        public long AcceptedConnections => http.AcceptedConnections;

        /// <summary>Adds a job whose status moves one place along <paramref name="statuses"/> with each Describe.</summary>
        public void AddJob(string jobName, IEnumerable<IRSteps.Model.InferenceRecommendationsJobStep> steps, IEnumerable<string> statuses, string failureReason)
        {
            if (!ServiceEnums.IsValidJobName(jobName)) throw new ArgumentException("'" + jobName + "' is not a valid job name.");
            var stored = new List<StoredStep>();
            foreach (IRSteps.Model.InferenceRecommendationsJobStep step in steps ?? Array.Empty<IRSteps.Model.InferenceRecommendationsJobStep>())
            {
                stored.Add(ModelJson.Step(step, jobName));
            }

            Jobs.AddScripted(new ScriptedJob(jobName, stored, statuses ?? Array.Empty<string>(), failureReason, Jobs.Now));
        }

        /// <summary>Clears the request log, the queued faults, the settings, the added jobs and every stop request.</summary>
        public void Reset()
        {
            Requests.Clear();
            Faults.Clear();
            Config.PageDelayMs = 0;
            Jobs.Reset();
            Interlocked.Exchange(ref served, 0);
            Interlocked.Exchange(ref serverTicks, 0);
        }

        internal void RequestShutdown() => shutdownRequested.TrySetResult(true);

        /// <summary>Stops listening, frees the port and ends every connection (held requests included).</summary>
        public void Dispose()
        {
            if (Interlocked.Exchange(ref disposed, 1) != 0) return;
            stopping.Cancel();
            http.Dispose();
        }

        private async Task<HttpResponse> HandleAsync(HttpExchange exchange)
        {
            foreach (Route route in routes)
            {
                if (exchange.Request.Path.StartsWith(route.Prefix, StringComparison.Ordinal)) return await route.Handler(exchange).ConfigureAwait(false);
            }

            long start = Stopwatch.GetTimestamp();
            try
            {
                return await HandleApiAsync(exchange).ConfigureAwait(false);
            }
            finally
            {
                Interlocked.Add(ref serverTicks, Stopwatch.GetTimestamp() - start);
                Interlocked.Increment(ref served);
            }
        }

        private async Task<HttpResponse> HandleApiAsync(HttpExchange exchange)
        {
            HttpRequest request = exchange.Request;
            string requestId = Guid.NewGuid().ToString();
            string target = request.Header("x-amz-target");
            var entry = new RequestLogEntry
            {
                Time = clock.UtcNow,
                RequestId = requestId,
                Target = target,
                Body = request.BodyText,
                UserAgent = request.Header("user-agent"),
            };

            // The protocol: SageMaker's JSON 1.1 (X-Amz-Target SageMaker.*) or STS's awsQuery (a form with Action=...).
            string operationName = null;
            Dictionary<string, string> form = null;
            bool isSts = false;
            if (target != null)
            {
                int dot = target.IndexOf('.');
                operationName = dot >= 0 ? target.Substring(dot + 1) : target;
            }
            else if (request.Method == "POST" && (request.Header("content-type") ?? string.Empty).StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
            {
                isSts = true;
                form = StsOperations.ParseForm(entry.Body);
                entry.Parameters = form;
                form.TryGetValue("Action", out operationName);
            }

            entry.Operation = operationName;
            Operation operation = null;
            if (isSts) OperationRegistry.TryFind(OperationRegistry.Sts, operationName ?? string.Empty, out operation);
            else if (target != null && target.StartsWith("SageMaker.", StringComparison.Ordinal)) OperationRegistry.TryFind(OperationRegistry.SageMaker, operationName, out operation);

            JsonDocument input = null;
            try
            {
                if (!isSts) input = ParseInput(request.Body, entry);

                SigV4Result caller = SigV4Result.Fail(null, null);
                if (operation == null || operation.Signed)
                {
                    caller = verifier.Verify(request, isSts ? OperationRegistry.Sts : OperationRegistry.SageMaker);
                    entry.AccessKey = caller.AccessKey;
                    entry.Region = caller.Region;
                    entry.Service = caller.Service;
                    entry.SessionToken = caller.SessionToken ?? request.Header("x-amz-security-token");
                    entry.Signature = SignatureOf(request.Header("authorization"));
                    if (!caller.Ok)
                    {
                        // STS answers every refusal of a signature with 403; SageMaker's JSON protocol with 400.
                        ApiResponse refusal = isSts
                            ? StsOperations.Error(403, "Sender", caller.ErrorCode, caller.ErrorMessage, requestId)
                            : ApiResponse.Error(400, caller.ErrorCode, caller.ErrorMessage);
                        return Answer(refusal, requestId, entry, null);
                    }
                }

                string region = caller.Region ?? Region;
                FaultSpec fault = Faults.TryTake(operationName, entry.JobName);
                FaultKind kind = null;
                if (fault != null)
                {
                    FaultKinds.TryGet(fault.Kind, out kind);
                    entry.Fault = kind.Name;
                    if (fault.DelayMs > 0) await Task.Delay(fault.DelayMs, exchange.ClientGone).ConfigureAwait(false);
                    if (kind.Holds)
                    {
                        entry.ErrorCode = kind.Name;
                        Requests.Add(entry);
                        await HoldAsync(exchange).ConfigureAwait(false);
                        if (exchange.ClientGone.IsCancellationRequested) entry.StatusCode = ClientClosedRequest;
                        return null;
                    }

                    ApiResponse replacement = kind.Replace(new FaultContext(operationName ?? string.Empty, entry.JobName, region, request));
                    if (replacement != null)
                    {
                        HttpResponse replaced = Answer(replacement, requestId, entry, kind);
                        if (fault.RetryAfterMs is int retryAfter) replaced.WithHeader("x-amz-retry-after", retryAfter.ToString(System.Globalization.CultureInfo.InvariantCulture));
                        return replaced;
                    }
                }

                ApiResponse response;
                if (operation == null)
                {
                    response = isSts
                        ? StsOperations.Error(400, "Sender", "InvalidAction", "Could not find operation " + operationName + " for version 2011-06-15", requestId)
                        : ApiResponse.Error(400, "UnknownOperationException", target == null ? "Missing X-Amz-Target header." : "Unknown operation " + target);
                }
                else if (!isSts && input == null)
                {
                    response = ApiResponse.Error(400, "SerializationException", "Could not parse the request body as JSON.");
                }
                else
                {
                    if (Config.PageDelayMs > 0 && operation.Name.StartsWith("List", StringComparison.Ordinal))
                        await Task.Delay(Config.PageDelayMs, exchange.ClientGone).ConfigureAwait(false);
                    var context = new OperationContext
                    {
                        Jobs = Jobs,
                        Keys = Keys,
                        Input = input?.RootElement ?? default,
                        Form = form,
                        Caller = caller,
                        Region = region,
                        Now = Jobs.Now,
                        RequestId = requestId,
                        Fault = kind?.Name,
                        Request = request,
                    };
                    try
                    {
                        response = operation.Handler(context);
                    }
                    catch (ApiException e)
                    {
                        response = isSts ? StsOperations.Error(e.Status, "Sender", e.Code, e.Message, requestId) : ApiResponse.Error(e.Status, e.Code, e.Message);
                    }
                }

                return Answer(response, requestId, entry, kind);
            }
            catch (OperationCanceledException) when (exchange.ClientGone.IsCancellationRequested)
            {
                // The client went away (during a Slow fault or a page delay): logged, so that tests see it gave up.
                entry.StatusCode = ClientClosedRequest;
                entry.ErrorCode = entry.ErrorCode ?? "ClientClosedRequest";
                Requests.Add(entry);
                return null;
            }
            finally
            {
                input?.Dispose();
            }
        }

        /// <summary>The HTTP answer for an API answer, as the fault (if any) shapes it; logged.</summary>
        private HttpResponse Answer(ApiResponse response, string requestId, RequestLogEntry entry, FaultKind fault)
        {
            var http = new HttpResponse(response.Status, response.ContentType, response.Body).WithHeader("x-amzn-RequestId", requestId);
            if (response.ErrorCode != null && response.ContentType == ApiResponse.JsonContentType) http.WithHeader("x-amzn-ErrorType", response.ErrorCode);
            fault?.Shape(http);
            entry.StatusCode = response.Status;
            entry.ErrorCode = entry.ErrorCode ?? response.ErrorCode ?? (http.End == ConnectionEnd.Reset ? "BrokenResponse" : null);
            Requests.Add(entry);
            return http;
        }

        /// <summary>Waits until the client disconnects or the emulator stops.</summary>
        private async Task HoldAsync(HttpExchange exchange)
        {
            var released = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            using (exchange.ClientGone.Register(() => released.TrySetResult(true)))
            using (stopping.Token.Register(() => released.TrySetResult(false)))
            {
                await released.Task.ConfigureAwait(false);
            }
        }

        /// <summary>The JSON input (an empty body is {}), or null when it does not parse; notes what the log shows of it.</summary>
        private static JsonDocument ParseInput(byte[] body, RequestLogEntry entry)
        {
            JsonDocument input;
            try
            {
                input = JsonDocument.Parse(body.Length == 0 ? new byte[] { (byte)'{', (byte)'}' } : body);
            }
            catch (JsonException)
            {
                return null;
            }

            JsonElement root = input.RootElement;
            if (root.ValueKind == JsonValueKind.Object)
            {
                if (root.TryGetProperty("JobName", out JsonElement jobName) && jobName.ValueKind == JsonValueKind.String) entry.JobName = jobName.GetString();
                if (root.TryGetProperty("NextToken", out JsonElement token) && token.ValueKind == JsonValueKind.String) entry.NextToken = token.GetString();
                if (root.TryGetProperty("MaxResults", out JsonElement max) && max.ValueKind == JsonValueKind.Number && max.TryGetInt32(out int maxResults)) entry.MaxResults = maxResults;
            }

            return input;
        }

        /// <summary>The hex signature of a SigV4 Authorization header, or null.</summary>
        private static string SignatureOf(string authorization)
        {
            if (authorization == null) return null;
            int at = authorization.IndexOf("Signature=", StringComparison.Ordinal);
            if (at < 0) return null;
            string value = authorization.Substring(at + "Signature=".Length);
            int end = value.IndexOf(',');
            return (end >= 0 ? value.Substring(0, end) : value).Trim();
        }

        /// <summary>An unsigned endpoint served by path prefix (the control API; a metadata endpoint would be another).</summary>
        private sealed class Route
        {
            public Route(string prefix, Func<HttpExchange, Task<HttpResponse>> handler)
            {
                Prefix = prefix;
                Handler = handler;
            }

            public string Prefix { get; }

            public Func<HttpExchange, Task<HttpResponse>> Handler { get; }
        }
    }
}
