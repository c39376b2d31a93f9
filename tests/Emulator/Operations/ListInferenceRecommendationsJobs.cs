using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace IRSteps.Emulator.Operations;

/// <summary>ListInferenceRecommendationsJobs over fixture and dynamic jobs (synthetic-N jobs are not listed).</summary>
internal static class ListInferenceRecommendationsJobs
{
    public static ApiResponse Handle(OperationContext c)
    {
        var input = new InputReader(c.Input);
        var createdAfter = input.Timestamp("CreationTimeAfter");
        var createdBefore = input.Timestamp("CreationTimeBefore");
        var modifiedAfter = input.Timestamp("LastModifiedTimeAfter");
        var modifiedBefore = input.Timestamp("LastModifiedTimeBefore");
        var nameContains = input.String("NameContains", maxLength: 64, pattern: "^[a-zA-Z0-9\\-]+$");
        var statusEquals = input.String("StatusEquals", enumValues: Enums.JobStatus);
        var sortBy = input.String("SortBy", enumValues: Enums.JobSortBy) ?? "CreationTime";
        var sortOrder = input.String("SortOrder", enumValues: Enums.SortOrder) ?? "Descending";
        var nextToken = input.String("NextToken", maxLength: 8192);
        var maxResults = input.Int("MaxResults", min: 1, max: 100) ?? 10;
        var modelName = input.String("ModelNameEquals", maxLength: 63);
        var packageArn = input.String("ModelPackageVersionArnEquals", maxLength: 2048);
        input.ThrowIfInvalid();

        // The token is bound to the exact filter / sort set it was issued for.
        var fingerprint = string.Join('|', createdAfter, createdBefore, modifiedAfter, modifiedBefore, nameContains, statusEquals,
            sortBy, sortOrder, modelName, packageArn);
        var scope = "jobs|" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(fingerprint)).AsSpan(0, 8));
        var token = PageToken.Decode(nextToken, scope);

        var rows = c.Jobs.Listable()
            .Select(j => (Job: j, State: j.State(c.Now)))
            .Where(r => createdAfter is null || r.Job.CreationTime > createdAfter)
            .Where(r => createdBefore is null || r.Job.CreationTime < createdBefore)
            .Where(r => modifiedAfter is null || r.State.LastModifiedTime > modifiedAfter)
            .Where(r => modifiedBefore is null || r.State.LastModifiedTime < modifiedBefore)
            .Where(r => nameContains is null || r.Job.JobName.Contains(nameContains, StringComparison.OrdinalIgnoreCase))
            .Where(r => statusEquals is null || r.State.Status == statusEquals)
            .Where(r => modelName is null || r.Job.ModelName == modelName)
            .Where(r => packageArn is null || r.Job.ModelPackageVersionArn == packageArn);

        Func<(JobBase Job, JobState State), object> key = sortBy switch
        {
            "Name" => r => r.Job.JobName,
            "Status" => r => r.State.Status,
            _ => r => r.Job.CreationTime,
        };
        // Ties broken by name so pages are stable.
        var sorted = (sortOrder == "Ascending"
            ? rows.OrderBy(key, Comparer<object>.Create(CompareKeys)).ThenBy(r => r.Job.JobName, StringComparer.Ordinal)
            : rows.OrderByDescending(key, Comparer<object>.Create(CompareKeys)).ThenByDescending(r => r.Job.JobName, StringComparer.Ordinal)).ToList();

        var page = c.PagingFault == FaultKind.EmptyPageWithToken ? [] : sorted.Skip(token.Offset).Take(maxResults).ToList();
        var next = token.Offset + maxResults < sorted.Count ? token.Offset + maxResults : -1;

        return ApiResponse.Json(OperationContext.Write(w =>
        {
            w.WriteStartObject();
            w.WriteStartArray("InferenceRecommendationsJobs");
            foreach (var (job, state) in page) WriteSummary(w, job, state, c.Region);
            w.WriteEndArray();
            var outToken = PageToken.Outgoing(token, nextToken, scope, next, c.PagingFault);
            if (outToken is not null) w.WriteString("NextToken", outToken);
            w.WriteEndObject();
        }));
    }

    private static int CompareKeys(object? a, object? b) => (a, b) switch
    {
        (string x, string y) => string.CompareOrdinal(x, y),
        (double x, double y) => x.CompareTo(y),
        _ => 0,
    };

    private static void WriteSummary(Utf8JsonWriter w, JobBase job, JobState state, string region)
    {
        w.WriteStartObject();
        w.WriteString("JobName", job.JobName);
        w.WriteString("JobDescription", job.JobDescription ?? "");
        w.WriteString("JobType", job.JobType);
        w.WriteString("JobArn", job.JobArn(region));
        w.WriteString("Status", state.Status);
        AwsJson.WriteTimestamp(w, "CreationTime", job.CreationTime);
        if (state.CompletionTime is double done) AwsJson.WriteTimestamp(w, "CompletionTime", done);
        w.WriteString("RoleArn", job.RoleArn);
        AwsJson.WriteTimestamp(w, "LastModifiedTime", state.LastModifiedTime);
        if (state.FailureReason is not null) w.WriteString("FailureReason", state.FailureReason);
        if (job.ModelName is not null) w.WriteString("ModelName", job.ModelName);
        if (job.SamplePayloadUrl is not null) w.WriteString("SamplePayloadUrl", job.SamplePayloadUrl);
        if (job.ModelPackageVersionArn is not null) w.WriteString("ModelPackageVersionArn", job.ModelPackageVersionArn);
        w.WriteEndObject();
    }
}
