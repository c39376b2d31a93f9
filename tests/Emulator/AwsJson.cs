using System.Buffers;
using System.Text;
using System.Text.Json;

namespace IRSteps.Emulator;

/// <summary>A fully formed answer to an API call (body already serialized).</summary>
internal sealed class ApiResponse
{
    public const string JsonContentType = "application/x-amz-json-1.1";

    public int Status { get; init; } = 200;
    public string ContentType { get; init; } = JsonContentType;
    public required byte[] Body { get; init; }
    public string? ErrorCode { get; init; }

    public static ApiResponse Json(byte[] body) => new() { Body = body };

    public static ApiResponse Error(int status, string code, string message) => new()
    {
        Status = status,
        ErrorCode = code,
        Body = AwsJson.ErrorBody(code, message),
    };

    public static readonly ApiResponse EmptyObject = new() { Body = "{}"u8.ToArray() };
}

/// <summary>Thrown by operations to produce an AWS JSON error (status 400 unless stated).</summary>
internal sealed class ApiException(string code, string message, int status = 400) : Exception(message)
{
    public string Code { get; } = code;
    public int Status { get; } = status;

    public static ApiException Validation(string message) => new("ValidationException", message);
    public static ApiException InvalidToken() => new("ValidationException", "Invalid pagination token.");
    public static ApiException JobNotFound(string name) => new("ResourceNotFound", $"Inference recommendations job {name} not found.");
}

/// <summary>AWS JSON 1.1 helpers: errors, timestamps, non-finite floats, input validation with AWS wording.</summary>
internal static class AwsJson
{
    public static byte[] ErrorBody(string code, string message)
    {
        var buffer = new ArrayBufferWriter<byte>(128);
        using (var w = new Utf8JsonWriter(buffer, Fixtures.WriterOptions))
        {
            w.WriteStartObject();
            w.WriteString("__type", code);
            w.WriteString("message", message);
            w.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Timestamps go out as epoch seconds with a fraction, e.g. 1732790000.123.</summary>
    public static void WriteTimestamp(Utf8JsonWriter w, string name, double epochSeconds)
        => w.WriteNumber(name, Math.Round(epochSeconds, 3));

    /// <summary>Floats: finite numbers as numbers, otherwise "NaN" / "Infinity" / "-Infinity" strings.</summary>
    public static void WriteFloat(Utf8JsonWriter w, string name, double value)
    {
        if (double.IsNaN(value)) w.WriteString(name, "NaN");
        else if (double.IsPositiveInfinity(value)) w.WriteString(name, "Infinity");
        else if (double.IsNegativeInfinity(value)) w.WriteString(name, "-Infinity");
        else w.WriteNumber(name, value);
    }

    public static double NowEpoch(TimeProvider time) => time.GetUtcNow().ToUnixTimeMilliseconds() / 1000.0;
}

/// <summary>
/// Reads an operation's input document and accumulates validation errors worded like AWS:
/// "2 validation errors detected: Value '0' at 'maxResults' failed to satisfy constraint: ...; Value ...".
/// </summary>
internal sealed class InputReader
{
    private readonly JsonElement _root;
    private readonly List<string> _errors = new();

    public InputReader(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
            throw new ApiException("SerializationException", "Start of structure or map found where not expected.");
        _root = root;
    }

    private static string Camel(string member) => char.ToLowerInvariant(member[0]) + member[1..];

    private JsonElement? Get(string member)
        => _root.TryGetProperty(member, out var e) && e.ValueKind != JsonValueKind.Null ? e : null;

    public string? String(string member, bool required = false, int? minLength = null, int? maxLength = null, string? pattern = null, string[]? enumValues = null)
    {
        var e = Get(member);
        if (e is null)
        {
            if (required) _errors.Add($"Value null at '{Camel(member)}' failed to satisfy constraint: Member must not be null");
            return null;
        }
        if (e.Value.ValueKind != JsonValueKind.String)
            throw new ApiException("SerializationException", $"STRING_VALUE can not be converted to a {member}");
        var s = e.Value.GetString()!;
        if (minLength is int min && s.Length < min)
            _errors.Add($"Value '{s}' at '{Camel(member)}' failed to satisfy constraint: Member must have length greater than or equal to {min}");
        if (maxLength is int max && s.Length > max)
            _errors.Add($"Value '{s}' at '{Camel(member)}' failed to satisfy constraint: Member must have length less than or equal to {max}");
        if (pattern is not null && !System.Text.RegularExpressions.Regex.IsMatch(s, pattern))
            _errors.Add($"Value '{s}' at '{Camel(member)}' failed to satisfy constraint: Member must satisfy regular expression pattern: {pattern}");
        if (enumValues is not null && Array.IndexOf(enumValues, s) < 0)
            _errors.Add($"Value '{s}' at '{Camel(member)}' failed to satisfy constraint: Member must satisfy enum value set: [{string.Join(", ", enumValues)}]");
        return s;
    }

    public int? Int(string member, int? min = null, int? max = null)
    {
        var e = Get(member);
        if (e is null) return null;
        if (e.Value.ValueKind != JsonValueKind.Number || !e.Value.TryGetInt32(out var v))
            throw new ApiException("SerializationException", $"NUMBER_VALUE can not be converted to an Integer");
        if (min is int lo && v < lo)
            _errors.Add($"Value '{v}' at '{Camel(member)}' failed to satisfy constraint: Member must have value greater than or equal to {lo}");
        if (max is int hi && v > hi)
            _errors.Add($"Value '{v}' at '{Camel(member)}' failed to satisfy constraint: Member must have value less than or equal to {hi}");
        return v;
    }

    /// <summary>Timestamps come in as epoch seconds (number); ISO-8601 strings are tolerated.</summary>
    public double? Timestamp(string member)
    {
        var e = Get(member);
        if (e is null) return null;
        if (e.Value.ValueKind == JsonValueKind.Number) return e.Value.GetDouble();
        if (e.Value.ValueKind == JsonValueKind.String)
        {
            var s = e.Value.GetString()!;
            if (double.TryParse(s, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var d)) return d;
            if (DateTimeOffset.TryParse(s, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var dto))
                return dto.ToUnixTimeMilliseconds() / 1000.0;
        }
        throw new ApiException("SerializationException", $"Unable to parse {member} as a timestamp");
    }

    /// <summary>Throws one ValidationException listing every problem found so far.</summary>
    public void ThrowIfInvalid()
    {
        if (_errors.Count == 0) return;
        var head = _errors.Count == 1 ? "1 validation error detected: " : $"{_errors.Count} validation errors detected: ";
        throw ApiException.Validation(head + string.Join("; ", _errors));
    }
}

internal static class Enums
{
    public static readonly string[] JobStatus = ["PENDING", "IN_PROGRESS", "COMPLETED", "FAILED", "STOPPING", "STOPPED", "DELETING", "DELETED"];
    public static readonly string[] StepType = ["BENCHMARK"];
    public static readonly string[] JobSortBy = ["Name", "CreationTime", "Status"];
    public static readonly string[] SortOrder = ["Ascending", "Descending"];
    public const string JobNamePattern = "^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,63}$";
    public static bool IsTerminal(string status) => status is "COMPLETED" or "FAILED" or "STOPPED" or "DELETED";
}
