#nullable disable // not annotated yet: docs/ARCHITECTURE.md, Habits
using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Reflection;
using IRSteps.Model;
using IRSteps.Session;
using IRSteps.Report;

namespace IRSteps.Report
{
    /// <summary>
    /// What Export-IRJobReport takes from the pipeline: steps, jobs and whole jobs, live or deserialized
    /// (Import-Clixml, Start-Job, remoting), which are rebuilt into the model types member by member.
    /// </summary>
    internal static class ReportInput
    {
        private const string Deserialized = "Deserialized.";

        /// <summary>Adds a step or a job to the collector; false when the object is neither.</summary>
        public static bool TryAdd(ReportCollector collector, object input)
        {
            object value = PSValue.Unwrap(input);
            switch (value)
            {
                case InferenceRecommendationsJobStep step:
                    collector.Add(step);
                    return true;
                case DescribeInferenceRecommendationsJobResponse job:
                    collector.Add(job);
                    return true;
                case InferenceRecommendationsJob job:
                    collector.Add(job);
                    return true;
            }

            if (!(input is PSObject deserialized)) return false;
            if (IsDeserialized(deserialized, typeof(InferenceRecommendationsJobStep)))
            {
                collector.Add((InferenceRecommendationsJobStep)Rebuild(deserialized, typeof(InferenceRecommendationsJobStep)));
                return true;
            }

            if (IsDeserialized(deserialized, typeof(DescribeInferenceRecommendationsJobResponse)))
            {
                collector.Add((DescribeInferenceRecommendationsJobResponse)Rebuild(deserialized, typeof(DescribeInferenceRecommendationsJobResponse)));
                return true;
            }

            if (IsDeserialized(deserialized, typeof(InferenceRecommendationsJob)))
            {
                collector.Add((InferenceRecommendationsJob)Rebuild(deserialized, typeof(InferenceRecommendationsJob)));
                return true;
            }

            return false;
        }

        private static bool IsDeserialized(PSObject value, Type type) =>
            value.TypeNames.Any(name => string.Equals(name, Deserialized + type.FullName, StringComparison.Ordinal));

        /// <summary>A model object with every settable member the property bag has; read-only members are computed again.</summary>
        private static object Rebuild(PSObject source, Type type)
        {
            object target = Activator.CreateInstance(type);
            foreach (PropertyInfo property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                if (!property.CanWrite) continue;
                PSPropertyInfo member = source.Properties[property.Name];
                if (member == null) continue;
                property.SetValue(target, Convert(member.Value, property.PropertyType));
            }

            return target;
        }

        private static object Convert(object value, Type type)
        {
            if (value == null) return null;
            object baseValue = PSValue.Unwrap(value);
            if (type.IsInstanceOfType(baseValue)) return baseValue;

            if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>) && baseValue is IEnumerable items && !(baseValue is string))
            {
                Type itemType = type.GetGenericArguments()[0];
                var list = (IList)Activator.CreateInstance(type);
                foreach (object item in items) list.Add(Convert(item, itemType));
                return list;
            }

            if (type.IsClass && type != typeof(string) && type.Namespace == typeof(InferenceRecommendationsJobStep).Namespace)
            {
                return Rebuild(PSObject.AsPSObject(value), type);
            }

            return LanguagePrimitives.ConvertTo(baseValue, type, System.Globalization.CultureInfo.InvariantCulture);
        }
    }
}
