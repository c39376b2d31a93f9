using System;
using System.IO;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace IRSteps.Emulator.Protocol
{
    /// <summary>AWS JSON 1.1 as SageMaker writes it: errors, epoch-second timestamps, non-finite floats as strings.</summary>
    internal static class AwsJson
    {
        public static readonly JsonWriterOptions WriterOptions = new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

        private static readonly DateTime Epoch = new DateTime(1970, 1, 1, 0, 0, 0, DateTimeKind.Utc);

        /// <summary>Serializes what <paramref name="write"/> writes.</summary>
        public static byte[] Write(Action<Utf8JsonWriter> write, int capacity = 1024)
        {
            using (var output = new MemoryStream(capacity))
            {
                using (var writer = new Utf8JsonWriter(output, WriterOptions))
                {
                    write(writer);
                }

                return output.ToArray();
            }
        }

        public static byte[] ErrorBody(string code, string message) => Write(w =>
        {
            w.WriteStartObject();
            w.WriteString("__type", code);
            w.WriteString("message", message);
            w.WriteEndObject();
        }, 128);

        /// <summary>Timestamps go out as epoch seconds with a fraction, e.g. 1732790000.123.</summary>
        public static void WriteTimestamp(Utf8JsonWriter w, string name, double epochSeconds) => w.WriteNumber(name, Math.Round(epochSeconds, 3));

        /// <summary>Floats: finite numbers as numbers, otherwise "NaN", "Infinity" or "-Infinity".</summary>
        public static void WriteFloat(Utf8JsonWriter w, double value)
        {
            if (double.IsNaN(value)) w.WriteStringValue("NaN");
            else if (double.IsPositiveInfinity(value)) w.WriteStringValue("Infinity");
            else if (double.IsNegativeInfinity(value)) w.WriteStringValue("-Infinity");
            else w.WriteNumberValue(value);
        }

        public static double EpochSeconds(DateTimeOffset time) => time.ToUnixTimeMilliseconds() / 1000.0;

        /// <summary>A UTC instant as epoch seconds; a time of unspecified kind is taken as UTC.</summary>
        public static double EpochSeconds(DateTime time)
        {
            DateTime utc = time.Kind == DateTimeKind.Local ? time.ToUniversalTime() : DateTime.SpecifyKind(time, DateTimeKind.Utc);
            return Math.Round((utc - Epoch).TotalMilliseconds) / 1000.0;
        }

        /// <summary>Bytes as lower-case hex.</summary>
        public static string Hex(byte[] bytes)
        {
            var chars = new char[bytes.Length * 2];
            const string digits = "0123456789abcdef";
            for (int i = 0; i < bytes.Length; i++)
            {
                chars[2 * i] = digits[bytes[i] >> 4];
                chars[(2 * i) + 1] = digits[bytes[i] & 0xF];
            }

            return new string(chars);
        }
    }
}
