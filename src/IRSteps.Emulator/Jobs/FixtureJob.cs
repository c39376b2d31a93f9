using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;

namespace IRSteps.Emulator.Jobs
{
    /// <summary>
    /// A sample job of Fixtures/jobs.json: <c>{"Jobs":[{ ...Describe members in wire format..., "Steps":[ ...raw steps... ]}]}</c>.
    /// JobArn is not stored: it is computed from the region the request was signed for.
    /// </summary>
    internal sealed class FixtureJob : JobBase
    {
        public const string ResourceName = "IRSteps.Emulator.Fixtures.jobs.json";

        private static readonly HashSet<string> SummaryMembers = new HashSet<string>(StringComparer.Ordinal)
        {
            "JobName", "JobDescription", "JobType", "JobArn", "RoleArn", "Status", "CreationTime", "CompletionTime",
            "LastModifiedTime", "FailureReason", "Steps",
        };

        private readonly JsonElement document;
        private readonly string status;
        private readonly double lastModified;
        private readonly double? completion;
        private readonly string failureReason;
        private readonly StoredStep[] steps;

        private FixtureJob(JsonElement document)
            : base(document.GetProperty("JobName").GetString())
        {
            this.document = document;
            status = Text(document, "Status") ?? "COMPLETED";
            CreationTime = Number(document, "CreationTime") ?? 1732000000;
            lastModified = Number(document, "LastModifiedTime") ?? CreationTime;
            completion = Number(document, "CompletionTime");
            failureReason = Text(document, "FailureReason");
            JobType = Text(document, "JobType") ?? "Default";
            JobDescription = Text(document, "JobDescription");
            RoleArn = Text(document, "RoleArn") ?? base.RoleArn;
            if (document.TryGetProperty("InputConfig", out JsonElement input))
            {
                ModelName = Text(input, "ModelName");
                ModelPackageVersionArn = Text(input, "ModelPackageVersionArn");
                if (input.TryGetProperty("ContainerConfig", out JsonElement container) && container.TryGetProperty("PayloadConfig", out JsonElement payload))
                    SamplePayloadUrl = Text(payload, "SamplePayloadUrl");
            }

            var stored = new List<StoredStep>();
            if (document.TryGetProperty("Steps", out JsonElement stepsElement))
            {
                foreach (JsonElement step in stepsElement.EnumerateArray()) stored.Add(StoredStep.FromJson(step));
            }

            steps = stored.ToArray();
        }

        /// <summary>Reads the jobs of <paramref name="path"/>, or the embedded sample jobs when it is null.</summary>
        public static List<FixtureJob> Load(string path)
        {
            byte[] bytes;
            if (path != null)
            {
                bytes = File.ReadAllBytes(path);
            }
            else
            {
                using (Stream resource = typeof(FixtureJob).Assembly.GetManifestResourceStream(ResourceName))
                using (var copy = new MemoryStream())
                {
                    if (resource == null) throw new InvalidOperationException("The emulator's embedded sample jobs are missing.");
                    resource.CopyTo(copy);
                    bytes = copy.ToArray();
                }
            }

            var options = new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };
            using (JsonDocument parsed = JsonDocument.Parse(bytes, options))
            {
                var jobs = new List<FixtureJob>();
                foreach (JsonElement job in parsed.RootElement.GetProperty("Jobs").EnumerateArray()) jobs.Add(new FixtureJob(job.Clone()));
                return jobs;
            }
        }

        private static string Text(JsonElement e, string name) => e.TryGetProperty(name, out JsonElement v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

        private static double? Number(JsonElement e, string name) => e.TryGetProperty(name, out JsonElement v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : (double?)null;

        public override double CreationTime { get; }

        public override string JobType { get; }

        public override string JobDescription { get; }

        public override string RoleArn { get; }

        public override string ModelName { get; }

        public override string ModelPackageVersionArn { get; }

        public override string SamplePayloadUrl { get; }

        protected override JobState NaturalState(double now) => new JobState(status, lastModified, completion, failureReason);

        public override int StepCount => steps.Length;

        public override string StepType(int index) => steps[index].Type;

        public override string StepStatus(int index, double now) =>
            StopRequestedAt.HasValue ? steps[index].StatusWhile(State(now).Status) : steps[index].Status;

        public override void WriteStep(Utf8JsonWriter w, int index, string status, double now) => steps[index].Write(w, status);

        public override void WriteDescribeExtras(Utf8JsonWriter w, string region)
        {
            foreach (JsonProperty member in document.EnumerateObject())
            {
                if (!SummaryMembers.Contains(member.Name)) member.WriteTo(w);
            }
        }
    }
}
