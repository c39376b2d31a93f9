using System;
using System.Globalization;

namespace IRSteps.Commands
{
    /// <summary>A pair of exclusive time filters (After, Before) that no item could satisfy is refused before any request.</summary>
    internal static class TimeWindow
    {
        public static bool IsOpen(string afterName, DateTime? after, string beforeName, DateTime? before, out string problem)
        {
            problem = null;
            if (!after.HasValue || !before.HasValue) return true;
            if (after.Value.ToUniversalTime() < before.Value.ToUniversalTime()) return true;

            problem = "-" + afterName + " (" + Utc(after.Value) + ") is not before -" + beforeName + " (" + Utc(before.Value) +
                      "): both are exclusive, so no job could match. Swap them, or widen the window.";
            return false;
        }

        private static string Utc(DateTime time) => time.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);
    }
}
