using System;
using System.Collections.Generic;
using System.Linq;

namespace IRSteps.Completion
{
    /// <summary>What the user typed, and what a completion must insert.</summary>
    internal static class Words
    {
        /// <summary>What the user typed, without the quote they may have opened.</summary>
        public static string Unquote(string word)
        {
            if (string.IsNullOrEmpty(word)) return string.Empty;
            return word.Trim('\'', '"');
        }

        /// <summary>The items whose key starts with what is typed first, then the others, each group in its order.</summary>
        public static IEnumerable<T> StartingWithFirst<T>(IEnumerable<T> items, Func<T, string> key, string typed) =>
            items.OrderBy(item => key(item).StartsWith(typed, StringComparison.OrdinalIgnoreCase) ? 0 : 1);

        /// <summary>A value as it must be typed: in single quotes when it holds anything a bare word cannot.</summary>
        public static string Quote(string value)
        {
            bool bare = value.Length > 0 && (char.IsLetterOrDigit(value[0]) || value[0] == '_');
            foreach (char c in value)
            {
                bare &= char.IsLetterOrDigit(c) || c == '-' || c == '_' || c == '.';
            }

            return bare ? value : "'" + value.Replace("'", "''") + "'";
        }
    }
}
