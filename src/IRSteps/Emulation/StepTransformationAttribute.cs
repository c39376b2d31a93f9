using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;
using System.Reflection;
using IRSteps.Model;
using IRSteps.Session;

namespace IRSteps.Emulation
{
    /// <summary>
    /// Lets -Step take steps in every form a user holds them: the module's own objects (from Get-IRJobStep, or built
    /// with [IRSteps.Model.InferenceRecommendationsJobStep]@{...}), objects read back with Import-Clixml
    /// (Deserialized.IRSteps.Model.*), ConvertFrom-Json's objects and hashtables. Members are matched by name (any
    /// case), the flattened read-only properties and unknown members are ignored.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class StepTransformationAttribute : ArgumentTransformationAttribute
    {
        public override object Transform(EngineIntrinsics engineIntrinsics, object inputData)
        {
            try
            {
                return ModelConverter.ToSteps(inputData);
            }
            catch (ArgumentException exception)
            {
                throw new ArgumentTransformationMetadataException(exception.Message, exception);
            }
        }
    }

    /// <summary>Builds the module's model objects from property bags (PSObjects, hashtables), member by member.</summary>
    internal static class ModelConverter
    {
        private static readonly DateTime Epoch = new DateTime(1970, 1, 1, 0, 0, 0, DateTimeKind.Utc);

        public static InferenceRecommendationsJobStep[] ToSteps(object input)
        {
            var steps = new List<InferenceRecommendationsJobStep>();
            object value = PSValue.Unwrap(input);
            if (value == null) return steps.ToArray();
            IEnumerable items = IsSingle(value) ? new[] { input } : LanguagePrimitives.GetEnumerable(value) ?? new[] { input };
            int index = 0;
            foreach (object item in items)
            {
                string path = "Step[" + index++.ToString(CultureInfo.InvariantCulture) + "]";
                if (PSValue.Unwrap(item) == null) throw new ArgumentException(path + " is $null.");
                steps.Add((InferenceRecommendationsJobStep)Convert(item, typeof(InferenceRecommendationsJobStep), path)!); // not null: checked above
            }

            return steps.ToArray();
        }

        /// <summary>One object rather than a list of them (a hashtable, a property bag, a step).</summary>
        private static bool IsSingle(object value) =>
            value is IDictionary || value is PSCustomObject || value is InferenceRecommendationsJobStep || value is string;

        private static object? Convert(object? value, Type target, string path)
        {
            object? bare = PSValue.Unwrap(value);
            if (bare == null) return null;
            if (target.IsInstanceOfType(bare)) return bare;

            Type underlying = Nullable.GetUnderlyingType(target) ?? target;
            try
            {
                if (underlying == typeof(DateTime)) return ToUtc(bare, path);
                if (underlying == typeof(string) || underlying.IsPrimitive || underlying == typeof(decimal))
                    return LanguagePrimitives.ConvertTo(bare, underlying, CultureInfo.InvariantCulture);
            }
            catch (PSInvalidCastException exception)
            {
                throw new ArgumentException(path + ": " + exception.Message, exception);
            }

            Type? element = ElementType(target);
            if (element != null) return ToList(bare, target, element, path);
            if (underlying.IsClass && underlying.Namespace == typeof(InferenceRecommendationsJobStep).Namespace) return ToModel(value!, underlying, path);

            try
            {
                return LanguagePrimitives.ConvertTo(value, target, CultureInfo.InvariantCulture);
            }
            catch (PSInvalidCastException exception)
            {
                throw new ArgumentException(path + ": " + exception.Message, exception);
            }
        }

        private static object ToModel(object value, Type target, string path)
        {
            object bare = PSValue.Unwrap(value);
            if (bare is string || bare.GetType().IsPrimitive)
                throw new ArgumentException(path + " should be an object with the members of " + target.Name + ", not the value '" + bare + "'.");

            object model = Activator.CreateInstance(target);
            foreach (PropertyInfo member in target.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                if (!member.CanWrite || member.GetSetMethod() == null) continue; // the flattened read-only conveniences
                if (!TryGetMember(value, member.Name, out object? memberValue) || PSValue.Unwrap(memberValue) == null) continue;
                member.SetValue(model, Convert(memberValue, member.PropertyType, path + "." + member.Name));
            }

            return model;
        }

        private static bool TryGetMember(object value, string name, out object? memberValue)
        {
            memberValue = null;
            if (PSValue.Unwrap(value) is IDictionary dictionary)
            {
                foreach (DictionaryEntry entry in dictionary)
                {
                    if (string.Equals(entry.Key as string, name, StringComparison.OrdinalIgnoreCase))
                    {
                        memberValue = entry.Value;
                        return true;
                    }
                }

                return false;
            }

            PSPropertyInfo property = PSObject.AsPSObject(value).Properties[name];
            if (property == null) return false;
            memberValue = property.Value;
            return true;
        }

        private static Type? ElementType(Type target)
        {
            if (target.IsArray) return target.GetElementType();
            if (target.IsGenericType && target.GetGenericTypeDefinition() == typeof(List<>)) return target.GetGenericArguments()[0];
            return null;
        }

        private static object ToList(object value, Type target, Type element, string path)
        {
            IEnumerable? items = value is string || value is IDictionary ? null : LanguagePrimitives.GetEnumerable(value);
            var list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(element));
            int index = 0;
            foreach (object item in items ?? new[] { value })
            {
                list.Add(Convert(item, element, path + "[" + index++.ToString(CultureInfo.InvariantCulture) + "]"));
            }

            if (!target.IsArray) return list;
            Array array = Array.CreateInstance(element, list.Count);
            list.CopyTo(array, 0);
            return array;
        }

        /// <summary>Times are UTC in the model: a local time is converted, one of unspecified kind is taken as UTC.</summary>
        private static DateTime ToUtc(object value, string path)
        {
            switch (value)
            {
                case DateTime time:
                    return time.Kind == DateTimeKind.Local ? time.ToUniversalTime() : DateTime.SpecifyKind(time, DateTimeKind.Utc);
                case DateTimeOffset time:
                    return time.UtcDateTime;
                case string text:
                    // Windows PowerShell's ConvertTo-Json writes "\/Date(milliseconds)\/".
                    string trimmed = text.Trim();
                    if (trimmed.StartsWith("/Date(", StringComparison.Ordinal) && trimmed.EndsWith(")/", StringComparison.Ordinal) &&
                        long.TryParse(trimmed.Substring(6, trimmed.Length - 8), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long milliseconds))
                        return Epoch.AddMilliseconds(milliseconds);
                    if (DateTime.TryParse(trimmed, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out DateTime parsed))
                        return parsed;
                    break;
            }

            throw new ArgumentException(path + ": '" + value + "' is not a time.");
        }
    }
}
