using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace IRSteps.Emulator.Protocol
{
    /// <summary>
    /// Reads an operation's input document and collects validation errors worded as AWS words them, all in one message:
    /// "2 validation errors detected: Value '0' at 'maxResults' failed to satisfy constraint: ...; Value ...".
    /// </summary>
    internal sealed class InputReader
    {
        private readonly JsonElement root;
        private readonly List<string> errors = new List<string>();

        public InputReader(JsonElement root)
        {
            if (root.ValueKind != JsonValueKind.Object)
                throw new ApiException("SerializationException", "Start of structure or map found where not expected.");
            this.root = root;
        }

        private static string Camel(string member) => char.ToLowerInvariant(member[0]) + member.Substring(1);

        private bool TryGet(string member, out JsonElement value) =>
            root.TryGetProperty(member, out value) && value.ValueKind != JsonValueKind.Null;

        public string String(string member, bool required = false, int? minLength = null, int? maxLength = null, string pattern = null, string[] enumValues = null)
        {
            if (!TryGet(member, out JsonElement e))
            {
                if (required) errors.Add("Value null at '" + Camel(member) + "' failed to satisfy constraint: Member must not be null");
                return null;
            }

            if (e.ValueKind != JsonValueKind.String)
                throw new ApiException("SerializationException", "STRING_VALUE can not be converted to a " + member);
            string s = e.GetString();
            string at = "Value '" + s + "' at '" + Camel(member) + "' failed to satisfy constraint: ";
            if (minLength.HasValue && s.Length < minLength.Value)
                errors.Add(at + "Member must have length greater than or equal to " + minLength.Value.ToString(CultureInfo.InvariantCulture));
            if (maxLength.HasValue && s.Length > maxLength.Value)
                errors.Add(at + "Member must have length less than or equal to " + maxLength.Value.ToString(CultureInfo.InvariantCulture));
            if (pattern != null && !Regex.IsMatch(s, pattern))
                errors.Add(at + "Member must satisfy regular expression pattern: " + pattern);
            if (enumValues != null && Array.IndexOf(enumValues, s) < 0)
                errors.Add(at + "Member must satisfy enum value set: [" + string.Join(", ", enumValues) + "]");
            return s;
        }

        public int? Int(string member, int? min = null, int? max = null)
        {
            if (!TryGet(member, out JsonElement e)) return null;
            if (e.ValueKind != JsonValueKind.Number || !e.TryGetInt32(out int v))
                throw new ApiException("SerializationException", "NUMBER_VALUE can not be converted to an Integer");
            string at = "Value '" + v.ToString(CultureInfo.InvariantCulture) + "' at '" + Camel(member) + "' failed to satisfy constraint: ";
            if (min.HasValue && v < min.Value) errors.Add(at + "Member must have value greater than or equal to " + min.Value.ToString(CultureInfo.InvariantCulture));
            if (max.HasValue && v > max.Value) errors.Add(at + "Member must have value less than or equal to " + max.Value.ToString(CultureInfo.InvariantCulture));
            return v;
        }

        /// <summary>Timestamps come in as epoch seconds (a number); ISO-8601 strings are tolerated.</summary>
        public double? Timestamp(string member)
        {
            if (!TryGet(member, out JsonElement e)) return null;
            if (e.ValueKind == JsonValueKind.Number) return e.GetDouble();
            if (e.ValueKind == JsonValueKind.String)
            {
                string s = e.GetString();
                if (double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out double d)) return d;
                if (DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset parsed))
                    return parsed.ToUnixTimeMilliseconds() / 1000.0;
            }

            throw new ApiException("SerializationException", "Unable to parse " + member + " as a timestamp");
        }

        /// <summary>Throws one ValidationException listing every problem found so far.</summary>
        public void ThrowIfInvalid()
        {
            if (errors.Count == 0) return;
            string head = errors.Count == 1 ? "1 validation error detected: " : errors.Count.ToString(CultureInfo.InvariantCulture) + " validation errors detected: ";
            throw ApiException.Validation(head + string.Join("; ", errors));
        }
    }

    /// <summary>The service's value sets and the job name rule.</summary>
    internal static class ServiceEnums
    {
        public const string JobNamePattern = "^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,63}$";

        public static readonly string[] JobStatus = { "PENDING", "IN_PROGRESS", "COMPLETED", "FAILED", "STOPPING", "STOPPED", "DELETING", "DELETED" };
        public static readonly string[] StepType = { "BENCHMARK" };
        public static readonly string[] JobSortBy = { "Name", "CreationTime", "Status" };
        public static readonly string[] SortOrder = { "Ascending", "Descending" };

        public static bool IsValidJobName(string name) => !string.IsNullOrEmpty(name) && name.Length <= 64 && Regex.IsMatch(name, JobNamePattern);

        public static bool IsTerminal(string status) => status == "COMPLETED" || status == "FAILED" || status == "STOPPED" || status == "DELETED";

        public static bool IsStoppable(string status) => status == "PENDING" || status == "IN_PROGRESS";
    }
}
