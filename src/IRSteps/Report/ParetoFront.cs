#nullable disable // not annotated yet: docs/ARCHITECTURE.md, Habits
using System;
using System.Collections.Generic;
using System.Linq;

namespace IRSteps.Report
{
    /// <summary>
    /// The steps no other step beats on both cost and latency: for each, every other step is dearer or slower
    /// (or both equal to it). Lower is better on both axes.
    /// </summary>
    internal static class ParetoFront
    {
        /// <summary>The indexes (into <paramref name="points"/>) on the front, ordered by latency, then cost.</summary>
        public static IReadOnlyList<int> Of(IReadOnlyList<(double Latency, double Cost)> points)
        {
            var front = new List<int>();
            double cheapestFaster = double.PositiveInfinity;
            IEnumerable<IGrouping<double, int>> byLatency = Enumerable.Range(0, points.Count)
                .GroupBy(i => points[i].Latency)
                .OrderBy(g => g.Key);
            foreach (IGrouping<double, int> group in byLatency)
            {
                double cheapest = group.Min(i => points[i].Cost);
                if (cheapest < cheapestFaster)
                {
                    front.AddRange(group.Where(i => points[i].Cost == cheapest).OrderBy(i => i));
                    cheapestFaster = cheapest;
                }
            }

            return front;
        }
    }
}
