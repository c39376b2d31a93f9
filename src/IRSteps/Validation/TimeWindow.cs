using System;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace IRSteps.Validation
{
    /// <summary>A pair of time filters given the wrong way round (After later than Before) is refused before any request.</summary>
    internal static class TimeWindow
    {
        public static bool IsOpen(string afterName, DateTime? after, string beforeName, DateTime? before, [NotNullWhen(false)] out string? problem)
        {
            problem = null;
            if (!after.HasValue || !before.HasValue) return true;
            if (after.Value.ToUniversalTime() <= before.Value.ToUniversalTime()) return true;

            problem = "-" + afterName + " (" + Utc(after.Value) + ") is later than -" + beforeName + " (" + Utc(before.Value) +
                      "), so no job could match. Swap them.";
            return false;
        }

        private static string Utc(DateTime time) => time.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);
    }
}
