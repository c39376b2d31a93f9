using System;
using System.Collections;
using System.Collections.Concurrent;
using System.Globalization;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using IRSteps.Emulator.Protocol;
using IRSteps.Model;

namespace IRSteps.Emulator.Jobs
{
    /// <summary>
    /// Writes the module's model objects (IRSteps.Model) as SageMaker sends them. The model's settable properties are
    /// the API's members, named as the API names them (the read-only ones are the flattened conveniences): a member
    /// added to the model is served with no change here. Absent (null) members are left out, times are epoch seconds,
    /// non-finite floats are the strings "NaN", "Infinity" and "-Infinity".
    /// </summary>
    internal static class ModelJson
    {
        private static readonly ConcurrentDictionary<Type, PropertyInfo[]> Members = new ConcurrentDictionary<Type, PropertyInfo[]>();

        /// <summary>A step of job <paramref name="jobName"/> (its JobName is the job's; StepType BENCHMARK and Status COMPLETED when absent).</summary>
        public static StoredStep Step(InferenceRecommendationsJobStep step, string jobName)
        {
            if (step == null) throw new ArgumentException("A step is $null.");
            string stepType = string.IsNullOrEmpty(step.StepType) ? "BENCHMARK" : step.StepType;
            string status = string.IsNullOrEmpty(step.Status) ? "COMPLETED" : step.Status;
            byte[] raw = AwsJson.Write(w =>
            {
                w.WriteStartObject();
                w.WriteString("StepType", stepType);
                w.WriteString("JobName", jobName);
                w.WriteString("Status", status);
                if (step.InferenceBenchmark != null)
                {
                    w.WritePropertyName("InferenceBenchmark");
                    WriteValue(w, step.InferenceBenchmark);
                }

                w.WriteEndObject();
            });
            return new StoredStep(stepType, status, raw);
        }

        private static PropertyInfo[] MembersOf(Type type) => Members.GetOrAdd(type, t => t
            .GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanRead && p.CanWrite && p.GetSetMethod() != null && p.GetIndexParameters().Length == 0)
            .ToArray());

        private static void WriteValue(Utf8JsonWriter w, object value)
        {
            switch (value)
            {
                case string text:
                    w.WriteStringValue(text);
                    return;
                case bool flag:
                    w.WriteBooleanValue(flag);
                    return;
                case int number:
                    w.WriteNumberValue(number);
                    return;
                case long number:
                    w.WriteNumberValue(number);
                    return;
                case double number:
                    AwsJson.WriteFloat(w, number);
                    return;
                case float number:
                    AwsJson.WriteFloat(w, number);
                    return;
                case decimal number:
                    w.WriteNumberValue(number);
                    return;
                case DateTime time:
                    w.WriteNumberValue(AwsJson.EpochSeconds(time));
                    return;
                case DateTimeOffset time:
                    w.WriteNumberValue(AwsJson.EpochSeconds(time));
                    return;
                case Enum choice:
                    w.WriteStringValue(choice.ToString());
                    return;
                case IEnumerable items:
                    w.WriteStartArray();
                    foreach (object item in items)
                    {
                        if (item == null) w.WriteNullValue();
                        else WriteValue(w, item);
                    }

                    w.WriteEndArray();
                    return;
            }

            Type type = value.GetType();
            if (type.IsPrimitive)
            {
                w.WriteRawValue(Convert.ToString(value, CultureInfo.InvariantCulture));
                return;
            }

            w.WriteStartObject();
            foreach (PropertyInfo member in MembersOf(type))
            {
                object memberValue = member.GetValue(value);
                if (memberValue == null) continue;
                w.WritePropertyName(member.Name);
                WriteValue(w, memberValue);
            }

            w.WriteEndObject();
        }
    }
}
