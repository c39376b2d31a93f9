using System;
using System.Collections.Generic;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading.Tasks;
using IRSteps.Emulator.Faults;
using IRSteps.Emulator.Http;
using IRSteps.Emulator.Protocol;

namespace IRSteps.Emulator.Control
{
    /// <summary>
    /// The control API under /__emulator/ (unsigned JSON), served only when the emulator is started with it (the
    /// tests' out-of-process host): health, the request log, faults, settings, dynamic jobs, reset, stats, shutdown.
    /// </summary>
    internal sealed class ControlApi
    {
        private const string Prefix = "/__emulator";

        private static readonly JsonSerializerOptions Json = new JsonSerializerOptions
        {
            PropertyNameCaseInsensitive = true,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            Converters = { new JsonStringEnumConverter() },
            NumberHandling = JsonNumberHandling.AllowReadingFromString,
        };

        private readonly EmulatorServer server;

        public ControlApi(EmulatorServer server)
        {
            this.server = server;
        }

        public Task<HttpResponse> HandleAsync(HttpExchange exchange)
        {
            HttpRequest request = exchange.Request;
            string path = request.Path.Substring(Prefix.Length);
            try
            {
                return Task.FromResult(Handle(path, request));
            }
            catch (Exception e) when (e is JsonException || e is ArgumentException || e is NotSupportedException)
            {
                return Task.FromResult(Reply(400, new { Error = e.Message }));
            }
        }

        private HttpResponse Handle(string path, HttpRequest request)
        {
            switch (request.Method + " " + path)
            {
                case "GET /health":
                    return Reply(200, new { Status = "ok", Jobs = server.Jobs.FixtureJobNames.Count });
                case "GET /stats":
                    long served = server.ServedRequests;
                    double seconds = server.ServerSeconds;
                    return Reply(200, new { Requests = served, ServerSeconds = seconds, AverageMs = served == 0 ? 0 : seconds * 1000 / served, Connections = server.AcceptedConnections });
                case "GET /requests":
                    return Reply(200, server.Requests.Snapshot());
                case "DELETE /requests":
                    server.Requests.Clear();
                    return Reply(200, new { });
                case "GET /faults":
                    return Reply(200, server.Faults.Pending());
                case "DELETE /faults":
                    server.Faults.Clear();
                    return Reply(200, new { });
                case "POST /faults":
                    string text = request.BodyText.TrimStart();
                    List<FaultSpec> faults = text.StartsWith("[", StringComparison.Ordinal)
                        ? JsonSerializer.Deserialize<List<FaultSpec>>(request.Body, Json) ?? new List<FaultSpec>()
                        : new List<FaultSpec> { JsonSerializer.Deserialize<FaultSpec>(request.Body, Json) };
                    foreach (FaultSpec fault in faults) server.Faults.Add(fault);
                    return Reply(200, server.Faults.Pending());
                case "GET /config":
                    return Reply(200, server.Config);
                case "POST /config":
                    EmulatorConfig config = JsonSerializer.Deserialize<EmulatorConfig>(request.Body, Json) ?? new EmulatorConfig();
                    server.Config.PageDelayMs = Math.Max(0, config.PageDelayMs);
                    return Reply(200, server.Config);
                case "POST /reset":
                    server.Reset();
                    return Reply(200, new { });
                case "POST /jobs":
                    DynamicJobSpec spec = JsonSerializer.Deserialize<DynamicJobSpec>(request.Body, Json) ?? new DynamicJobSpec();
                    if (!ServiceEnums.IsValidJobName(spec.JobName))
                        throw new ArgumentException("JobName is required and must match " + ServiceEnums.JobNamePattern);
                    string outcome = (spec.Outcome ?? "COMPLETED").ToUpperInvariant();
                    if (outcome != "COMPLETED" && outcome != "FAILED") throw new ArgumentException("Outcome must be COMPLETED or FAILED.");
                    server.Jobs.AddDynamic(spec.JobName, spec.Steps, outcome == "FAILED", spec.PhaseMs);
                    return Reply(200, new { spec.JobName, spec.Steps, Outcome = outcome, spec.PhaseMs });
                case "POST /shutdown":
                    server.RequestShutdown();
                    return Reply(200, new { });
                default:
                    return Reply(404, new { Error = "No control endpoint " + request.Method + " " + Prefix + path });
            }
        }

        private static HttpResponse Reply<T>(int status, T value) =>
            new HttpResponse(status, "application/json", JsonSerializer.SerializeToUtf8Bytes(value, Json));

        private sealed class DynamicJobSpec
        {
            public string JobName { get; set; }

            public int Steps { get; set; } = 3;

            public string Outcome { get; set; }

            public int PhaseMs { get; set; } = 200;
        }
    }
}
