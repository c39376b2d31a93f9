using System;
using System.Collections;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Linq;
using System.Runtime.CompilerServices;

namespace IRSteps.Validation
{
    /// <summary>
    /// What -JobName is given, made into job names in the order given: a name as it is; a number as its text; any
    /// object with a JobName (the module's jobs and steps, a PSCustomObject, an Import-Clixml or ConvertFrom-Json
    /// copy, a hashtable with a JobName key) as that job; arrays of them, nested or mixed, flattened. Something that
    /// holds no job name keeps its place as a stand-in: a string of its own that <see cref="JobNames"/> refuses with
    /// InvalidJobName, saying what it was, so that each such item is one non-terminating error in its place.
    /// </summary>
    /// <remarks>
    /// Knows nothing of PowerShell: how a value is looked into (a PSObject's properties) is the
    /// <see cref="ObjectInspector"/>'s. A null (or empty) name is left as it is, for PowerShell to refuse at binding
    /// as it refuses any null or empty argument of a mandatory parameter.
    /// </remarks>
    internal static class JobNameArguments
    {
        public const string PropertyName = "JobName";

        /// <summary>The property names a description lists at most.</summary>
        private const int ListedProperties = 6;

        // Keyed by the stand-in's own string instance, never by its text: a name typed by the user is never taken for one.
        private static readonly ConditionalWeakTable<string, StandIn> StandIns = new ConditionalWeakTable<string, StandIn>();

        /// <summary>The names in <paramref name="input"/>, in order (null stays null: PowerShell refuses it at binding).</summary>
        public static string?[]? Names(object? input, ObjectInspector inspector)
        {
            if (input == null) return null;
            var names = new List<string?>();
            Add(input, null, new List<object>(), inspector, names);
            return names.ToArray();
        }

        /// <summary>True when <paramref name="name"/> stands for something that held no job name; then what it was, and why.</summary>
        public static bool TryGetStandIn([NotNullWhen(true)] string? name, [NotNullWhen(true)] out StandIn? standIn)
        {
            standIn = null;
            return name != null && StandIns.TryGetValue(name, out standIn);
        }

        /// <param name="value">What to take names from.</param>
        /// <param name="owner">The object whose JobName <paramref name="value"/> is; null at the top.</param>
        /// <param name="enclosing">The lists <paramref name="value"/> is in, outermost first: a list found in itself is not followed.</param>
        private static void Add(object? value, object? owner, List<object> enclosing, ObjectInspector inspector, List<string?> names)
        {
            if (value == null)
            {
                names.Add(owner == null ? null : NewStandIn(owner, "its JobName is empty", inspector));
                return;
            }

            object item = inspector.Unwrap(value);
            if (item is string text)
            {
                names.Add(owner != null && text.Length == 0 ? NewStandIn(owner, "its JobName is empty", inspector) : text);
                return;
            }

            if (IsScalar(item))
            {
                names.Add(Convert.ToString(item, CultureInfo.InvariantCulture));
                return;
            }

            if (owner == null && TryGetJobName(value, item, inspector, out object? jobName))
            {
                int before = names.Count;
                Add(jobName, value, enclosing, inspector, names);
                if (names.Count == before) names.Add(NewStandIn(value, "its JobName is empty", inspector));
                return;
            }

            if (item is IEnumerable items && !(item is IDictionary))
            {
                if (enclosing.Any(list => ReferenceEquals(list, item)))
                {
                    names.Add(NewStandIn(owner ?? value, "it contains itself", inspector));
                    return;
                }

                enclosing.Add(item);
                foreach (object? each in items) Add(each, owner, enclosing, inspector, names);
                enclosing.RemoveAt(enclosing.Count - 1);
                return;
            }

            names.Add(owner == null
                ? NewStandIn(value, item is IDictionary ? "it has no JobName key" : "it has no JobName property", inspector)
                : NewStandIn(owner, "its JobName is " + Describe(value, inspector) + ", not a name", inspector));
        }

        private static bool TryGetJobName(object value, object item, ObjectInspector inspector, out object? jobName)
        {
            if (item is IDictionary dictionary)
            {
                foreach (DictionaryEntry entry in dictionary)
                {
                    if (entry.Key is string key && string.Equals(key, PropertyName, StringComparison.OrdinalIgnoreCase))
                    {
                        jobName = entry.Value;
                        return true;
                    }
                }

                jobName = null;
                return false;
            }

            return inspector.TryGetProperty(value, PropertyName, out jobName);
        }

        /// <summary>Values whose text is what a user means by them (-JobName 20240601 is the job named so), as PowerShell converts them.</summary>
        private static bool IsScalar(object item) => item.GetType().IsPrimitive || item is decimal || item is Guid;

        private static string NewStandIn(object given, string reason, ObjectInspector inspector)
        {
            string problem = "-JobName got " + Describe(given, inspector) + " where a job name belongs: " + reason + ". " +
                             "Give job names, or objects with a JobName property (the jobs of Get-IRJob, the steps of Get-IRJobStep, " +
                             "or copies of them from Import-Clixml or ConvertFrom-Json).";

            // A string of its own (concatenated now, never an interned one), so that the table knows this very instance.
            string standIn = "<" + inspector.TypeName(given) + ">";
            StandIns.Add(standIn, new StandIn(given, problem));
            return standIn;
        }

        /// <summary>The type and the names of its properties; never their values, which may be anything (a secret too).</summary>
        private static string Describe(object given, ObjectInspector inspector)
        {
            object item = inspector.Unwrap(given);
            IEnumerable<string> members = item is IDictionary dictionary
                ? dictionary.Keys.Cast<object?>().Select(key => Convert.ToString(key, CultureInfo.InvariantCulture) ?? string.Empty)
                : inspector.PropertyNames(given);
            List<string> listed = members.Take(ListedProperties + 1).ToList();
            string what = item is IDictionary ? "keys" : "properties";
            string list = listed.Count == 0
                ? "no " + what
                : what + " " + string.Join(", ", listed.Take(ListedProperties)) + (listed.Count > ListedProperties ? ", ..." : string.Empty);
            return "a " + inspector.TypeName(given) + " (" + list + ")";
        }

        /// <summary>Something -JobName was given that holds no job name.</summary>
        internal sealed class StandIn
        {
            public StandIn(object given, string problem)
            {
                Given = given;
                Problem = problem;
            }

            /// <summary>What the user gave, the error's target.</summary>
            public object Given { get; }

            /// <summary>The InvalidJobName message.</summary>
            public string Problem { get; }
        }
    }

    /// <summary>How <see cref="JobNameArguments"/> looks into a value; PowerShell's way is <see cref="PowerShellObjects"/>.</summary>
    internal abstract class ObjectInspector
    {
        /// <summary>The object a value stands for (a PSObject's base object).</summary>
        public abstract object Unwrap(object value);

        /// <summary>True when the value has a property of this name (in any case); then its value.</summary>
        public abstract bool TryGetProperty(object value, string name, out object? property);

        /// <summary>The names of the value's properties, in their order.</summary>
        public abstract IEnumerable<string> PropertyNames(object value);

        /// <summary>The name of the value's type as a user sees it.</summary>
        public abstract string TypeName(object value);
    }
}
