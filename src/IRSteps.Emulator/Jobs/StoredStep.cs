using System.Text.Json;
using System.Text.Json.Nodes;
using IRSteps.Emulator.Protocol;

namespace IRSteps.Emulator.Jobs
{
    /// <summary>
    /// A step kept as the JSON the service would send, so that members the emulator does not model pass through
    /// verbatim; a PENDING or IN_PROGRESS step also keeps its STOPPED form, served once its job has stopped.
    /// </summary>
    internal sealed class StoredStep
    {
        public StoredStep(string type, string status, byte[] raw)
        {
            Type = type;
            Status = status;
            Raw = raw;
            if (ServiceEnums.IsStoppable(status))
            {
                JsonObject node = JsonNode.Parse(raw).AsObject();
                node["Status"] = "STOPPED";
                StoppedRaw = AwsJson.Write(w => node.WriteTo(w), raw.Length + 16);
            }
        }

        public string Type { get; }

        public string Status { get; }

        public byte[] Raw { get; }

        public byte[] StoppedRaw { get; }

        /// <summary>The status this step reads with while its job is in <paramref name="jobStatus"/>.</summary>
        public string StatusWhile(string jobStatus) => StoppedRaw != null && jobStatus == "STOPPED" ? "STOPPED" : Status;

        public void Write(Utf8JsonWriter w, string status) =>
            w.WriteRawValue(status != Status && StoppedRaw != null ? StoppedRaw : Raw, skipInputValidation: true);

        public static StoredStep FromJson(JsonElement step)
        {
            string type = step.TryGetProperty("StepType", out JsonElement t) && t.ValueKind == JsonValueKind.String ? t.GetString() : "BENCHMARK";
            string status = step.TryGetProperty("Status", out JsonElement s) && s.ValueKind == JsonValueKind.String ? s.GetString() : "COMPLETED";
            return new StoredStep(type, status, AwsJson.Write(w => step.WriteTo(w)));
        }
    }
}
