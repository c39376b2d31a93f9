#nullable disable // not annotated yet: docs/ARCHITECTURE.md, Habits
using System;
using System.Globalization;

namespace IRSteps.Report
{
    /// <summary>
    /// How the report writes numbers: invariant culture always (the same file on every machine), costs per
    /// inference as USD per million inferences with three significant digits (0.00000234 reads 2.34), latencies in
    /// whole milliseconds, counts with thousands separators. Missing values are an em dash, never 0.
    /// </summary>
    internal static class ReportNumbers
    {
        public const double PerMillion = 1000000.0;
        public const string Missing = "\u2014";
        private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

        /// <summary>A value with the given significant digits and no exponent: 2.34, 16.7, 0.0123, 1,450.</summary>
        public static string Significant(double value, int digits = 3)
        {
            if (double.IsNaN(value)) return "n/a";
            if (double.IsInfinity(value)) return value > 0 ? "\u221E" : "-\u221E";
            if (value == 0) return "0";
            int magnitude = (int)Math.Floor(Math.Log10(Math.Abs(value)));
            int decimals = Math.Max(0, Math.Min(15, digits - 1 - magnitude));
            double rounded = Math.Round(value, decimals, MidpointRounding.AwayFromZero);
            return rounded.ToString("#,##0." + new string('#', decimals), Invariant).TrimEnd('.');
        }

        /// <summary>A cost per inference as USD per million inferences.</summary>
        public static string CostPerMillion(double? costPerInference) =>
            costPerInference.HasValue ? Significant(costPerInference.Value * PerMillion) : Missing;

        /// <summary>USD per hour, to the cent's hundredth (0.7364).</summary>
        public static string CostPerHour(double? value) =>
            value.HasValue ? Decimal(value.Value, 4) : Missing;

        public static string Integer(int? value) => value.HasValue ? Whole(value.Value) : Missing;

        public static string Whole(double value) => value.ToString("#,##0", Invariant);

        /// <summary>A utilisation in percent; NaN (no measurement) reads n/a.</summary>
        public static string Percent(double? value) => value.HasValue ? Decimal(value.Value, 1) : Missing;

        /// <summary>A ratio against the existing endpoint: 1.23x.</summary>
        public static string Ratio(double? value) => value.HasValue ? Decimal(value.Value, 2) + "\u00D7" : Missing;

        public static string Decimal(double value, int maxDecimals)
        {
            if (double.IsNaN(value)) return "n/a";
            if (double.IsInfinity(value)) return value > 0 ? "\u221E" : "-\u221E";
            return value.ToString("#,##0." + new string('#', maxDecimals), Invariant).TrimEnd('.');
        }

        /// <summary>The value a sortable cell carries in data-v: round-trip, invariant, empty for none.</summary>
        public static string SortKey(double? value)
        {
            if (!value.HasValue || double.IsNaN(value.Value)) return null;
            if (double.IsPositiveInfinity(value.Value)) return "1e308";
            if (double.IsNegativeInfinity(value.Value)) return "-1e308";
            return value.Value.ToString("R", Invariant);
        }

        /// <summary>An SVG coordinate: one decimal, invariant.</summary>
        public static string Coordinate(double value) => Math.Round(value, 1).ToString("0.#", Invariant);

        /// <summary>A time as UTC, to the second: 2024-11-28 10:33:20 UTC.</summary>
        public static string Time(DateTime? value)
        {
            if (!value.HasValue) return Missing;
            DateTime utc = value.Value.Kind == DateTimeKind.Local ? value.Value.ToUniversalTime() : value.Value;
            return utc.ToString("yyyy-MM-dd HH:mm:ss", Invariant) + " UTC";
        }

        /// <summary>A duration in words: 1 h 25 min, 12 min 3 s, 42 s.</summary>
        public static string Duration(TimeSpan span)
        {
            if (span < TimeSpan.Zero) return Missing;
            if (span.TotalHours >= 1) return ((int)span.TotalHours).ToString(Invariant) + " h " + span.Minutes.ToString(Invariant) + " min";
            if (span.TotalMinutes >= 1) return span.Minutes.ToString(Invariant) + " min " + span.Seconds.ToString(Invariant) + " s";
            return span.Seconds.ToString(Invariant) + " s";
        }
    }
}
