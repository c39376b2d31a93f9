using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using IRSteps.Emulator.Faults;
using IRSteps.Emulator.Jobs;
using IRSteps.Emulator.Protocol;

namespace IRSteps.Emulator.Operations
{
    /// <summary>ListInferenceRecommendationsJobs over the sample and added jobs (synthetic-N jobs are not listed).</summary>
    internal static class ListInferenceRecommendationsJobs
    {
        public static ApiResponse Handle(OperationContext c)
        {
            var input = new InputReader(c.Input);
            double? createdAfter = input.Timestamp("CreationTimeAfter");
            double? createdBefore = input.Timestamp("CreationTimeBefore");
            double? modifiedAfter = input.Timestamp("LastModifiedTimeAfter");
            double? modifiedBefore = input.Timestamp("LastModifiedTimeBefore");
            string nameContains = input.String("NameContains", maxLength: 64, pattern: "^[a-zA-Z0-9\\-]+$");
            string statusEquals = input.String("StatusEquals", enumValues: ServiceEnums.JobStatus);
            string sortBy = input.String("SortBy", enumValues: ServiceEnums.JobSortBy) ?? "CreationTime";
            string sortOrder = input.String("SortOrder", enumValues: ServiceEnums.SortOrder) ?? "Descending";
            string nextToken = input.String("NextToken", maxLength: 8192);
            int maxResults = input.Int("MaxResults", min: 1, max: 100) ?? 10;
            string modelName = input.String("ModelNameEquals", maxLength: 63);
            string packageArn = input.String("ModelPackageVersionArnEquals", maxLength: 2048);
            input.ThrowIfInvalid();

            // The token is bound to the exact filter and sort set it was issued for.
            string fingerprint = string.Join("|", new object[]
            {
                createdAfter, createdBefore, modifiedAfter, modifiedBefore, nameContains, statusEquals, sortBy, sortOrder, modelName, packageArn,
            }.Select(v => Convert.ToString(v, CultureInfo.InvariantCulture)));
            string scope = "jobs|" + ShortHash(fingerprint);
            PageToken token = PageToken.Decode(nextToken, scope);

            var rows = c.Jobs.Listable()
                .Select(j => new Row(j, j.State(c.Now)))
                .Where(r => createdAfter == null || r.Job.CreationTime > createdAfter)
                .Where(r => createdBefore == null || r.Job.CreationTime < createdBefore)
                .Where(r => modifiedAfter == null || r.State.LastModifiedTime > modifiedAfter)
                .Where(r => modifiedBefore == null || r.State.LastModifiedTime < modifiedBefore)
                .Where(r => nameContains == null || r.Job.JobName.IndexOf(nameContains, StringComparison.OrdinalIgnoreCase) >= 0)
                .Where(r => statusEquals == null || r.State.Status == statusEquals)
                .Where(r => modelName == null || r.Job.ModelName == modelName)
                .Where(r => packageArn == null || r.Job.ModelPackageVersionArn == packageArn)
                .ToList();

            Comparison<Row> byKey;
            switch (sortBy)
            {
                case "Name": byKey = (a, b) => string.CompareOrdinal(a.Job.JobName, b.Job.JobName); break;
                case "Status": byKey = (a, b) => string.CompareOrdinal(a.State.Status, b.State.Status); break;
                default: byKey = (a, b) => a.Job.CreationTime.CompareTo(b.Job.CreationTime); break;
            }

            // Ties broken by name, so that pages are stable.
            int direction = sortOrder == "Ascending" ? 1 : -1;
            rows.Sort((a, b) =>
            {
                int order = byKey(a, b);
                if (order == 0) order = string.CompareOrdinal(a.Job.JobName, b.Job.JobName);
                return direction * order;
            });

            List<Row> page = c.Fault == FaultKinds.EmptyPageWithToken ? new List<Row>() : rows.Skip(token.Offset).Take(maxResults).ToList();
            int next = token.Offset + maxResults < rows.Count ? token.Offset + maxResults : -1;

            return ApiResponse.Json(AwsJson.Write(w =>
            {
                w.WriteStartObject();
                w.WriteStartArray("InferenceRecommendationsJobs");
                foreach (Row row in page) WriteSummary(w, row.Job, row.State, c.Region);
                w.WriteEndArray();
                string outgoing = PageToken.Outgoing(token, nextToken, scope, next, c.Fault);
                if (outgoing != null) w.WriteString("NextToken", outgoing);
                w.WriteEndObject();
            }, 8192));
        }

        private static string ShortHash(string text)
        {
            using (SHA256 sha = SHA256.Create())
            {
                byte[] hash = sha.ComputeHash(Encoding.UTF8.GetBytes(text));
                Array.Resize(ref hash, 8);
                return AwsJson.Hex(hash);
            }
        }

        private static void WriteSummary(Utf8JsonWriter w, JobBase job, JobState state, string region)
        {
            w.WriteStartObject();
            w.WriteString("JobName", job.JobName);
            w.WriteString("JobDescription", job.JobDescription ?? string.Empty);
            w.WriteString("JobType", job.JobType);
            w.WriteString("JobArn", job.JobArn(region));
            w.WriteString("Status", state.Status);
            AwsJson.WriteTimestamp(w, "CreationTime", job.CreationTime);
            if (state.CompletionTime is double done) AwsJson.WriteTimestamp(w, "CompletionTime", done);
            w.WriteString("RoleArn", job.RoleArn);
            AwsJson.WriteTimestamp(w, "LastModifiedTime", state.LastModifiedTime);
            if (state.FailureReason != null) w.WriteString("FailureReason", state.FailureReason);
            if (job.ModelName != null) w.WriteString("ModelName", job.ModelName);
            if (job.SamplePayloadUrl != null) w.WriteString("SamplePayloadUrl", job.SamplePayloadUrl);
            if (job.ModelPackageVersionArn != null) w.WriteString("ModelPackageVersionArn", job.ModelPackageVersionArn);
            w.WriteEndObject();
        }

        private readonly struct Row
        {
            public Row(JobBase job, JobState state)
            {
                Job = job;
                State = state;
            }

            public JobBase Job { get; }

            public JobState State { get; }
        }
    }
}
