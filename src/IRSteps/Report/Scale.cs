#nullable disable // not annotated yet: docs/ARCHITECTURE.md, Habits
using System;
using System.Collections.Generic;
using System.Linq;

namespace IRSteps.Report
{
    /// <summary>
    /// A chart axis: maps values to pixels and names its ticks. Logarithmic when every value is positive and the
    /// largest is at least ten times the smallest (a cost range of 1.13 to 16.7 per million); linear otherwise,
    /// from 0 when the values are not far from it.
    /// </summary>
    internal sealed class Scale
    {
        /// <summary>The largest over the smallest value from which an axis is logarithmic.</summary>
        public const double LogRatio = 10;

        private Scale(bool logarithmic, double min, double max, IReadOnlyList<double> ticks)
        {
            IsLogarithmic = logarithmic;
            Min = min;
            Max = max;
            Ticks = ticks;
        }

        public bool IsLogarithmic { get; }
        public double Min { get; }
        public double Max { get; }

        /// <summary>The values that get a grid line and a label, inside [Min, Max].</summary>
        public IReadOnlyList<double> Ticks { get; }

        /// <summary>A scale for the given values (at least one finite value).</summary>
        public static Scale For(IEnumerable<double> values, bool fromZero = false)
        {
            double[] finite = values.Where(v => !double.IsNaN(v) && !double.IsInfinity(v)).ToArray();
            if (finite.Length == 0) finite = new[] { 0.0, 1.0 };
            double min = finite.Min();
            double max = finite.Max();
            if (!fromZero && min > 0 && max / min >= LogRatio) return Logarithmic(min, max);
            return Linear(min, max, fromZero);
        }

        /// <summary>Where a value falls between 0 (Min) and 1 (Max).</summary>
        public double Fraction(double value)
        {
            if (IsLogarithmic)
            {
                return (Math.Log10(value) - Math.Log10(Min)) / (Math.Log10(Max) - Math.Log10(Min));
            }

            return (value - Min) / (Max - Min);
        }

        private static Scale Linear(double min, double max, bool fromZero)
        {
            // From 0 when the smallest value is within half the range of it (or below it): differences read as ratios.
            if (fromZero || (min >= 0 && min <= max / 2)) min = Math.Min(0, min);
            if (max == min)
            {
                // One value: the axis runs from 0 to it.
                if (max > 0) min = 0;
                else if (max < 0) max = 0;
                else max = 1;
            }

            double step = NiceStep((max - min) / 5);
            double low = Math.Floor(min / step) * step;
            double high = Math.Ceiling(max / step) * step;
            var ticks = new List<double>();
            for (int i = 0; low + i * step <= high + step / 1000; i++) ticks.Add(Round(low + i * step, step));
            return new Scale(false, low, high, ticks);
        }

        private static Scale Logarithmic(double min, double max)
        {
            // The domain ends on the nearest 1, 2 or 5 times a power of ten around the values.
            double low = NiceBelow(min);
            double high = NiceAbove(max);
            double decades = Math.Log10(high / low);
            double[] mantissas = decades > 3 ? new[] { 1.0 } : decades > 1.5 ? new[] { 1.0, 3.0 } : new[] { 1.0, 2.0, 5.0 };
            var ticks = new List<double>();
            for (int exponent = (int)Math.Floor(Math.Log10(low)); exponent <= (int)Math.Ceiling(Math.Log10(high)); exponent++)
            {
                foreach (double mantissa in mantissas)
                {
                    double tick = mantissa * Math.Pow(10, exponent);
                    tick = Math.Round(tick, Math.Max(0, Math.Min(15, -exponent + 1)));
                    if (tick >= low * 0.999 && tick <= high * 1.001) ticks.Add(tick);
                }
            }

            return new Scale(true, low, high, ticks);
        }

        private static double NiceStep(double rough)
        {
            double power = Math.Pow(10, Math.Floor(Math.Log10(rough)));
            double mantissa = rough / power;
            double nice = mantissa <= 1 ? 1 : mantissa <= 2 ? 2 : mantissa <= 2.5 ? 2.5 : mantissa <= 5 ? 5 : 10;
            return nice * power;
        }

        private static double NiceBelow(double value)
        {
            double power = Math.Pow(10, Math.Floor(Math.Log10(value)));
            foreach (double mantissa in new[] { 5.0, 2.0, 1.0 })
            {
                if (mantissa * power <= value) return mantissa * power;
            }

            return power;
        }

        private static double NiceAbove(double value)
        {
            double power = Math.Pow(10, Math.Floor(Math.Log10(value)));
            foreach (double mantissa in new[] { 1.0, 2.0, 5.0, 10.0 })
            {
                if (mantissa * power >= value) return mantissa * power;
            }

            return 10 * power;
        }

        private static double Round(double value, double step)
        {
            int decimals = Math.Max(0, Math.Min(15, (int)-Math.Floor(Math.Log10(step)) + 1));
            return Math.Round(value, decimals);
        }
    }
}
