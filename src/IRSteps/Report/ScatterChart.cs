#nullable disable // not annotated yet: docs/ARCHITECTURE.md, Habits
using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace IRSteps.Report
{
    /// <summary>
    /// The trade-off chart: each COMPLETED step a point at its model latency (x) and cost per million inferences
    /// (y), its area telling its max invocations, labelled with its instance type and count; the Pareto front as a
    /// line; the existing endpoint's latency (and the job's latency thresholds) as vertical reference lines.
    /// </summary>
    internal static class ScatterChart
    {
        public const double Width = 760;
        public const double Height = 470;
        private const double Left = 72;
        private const double Right = 24;
        private const double Top = 34;
        private const double Bottom = 58;
        private const double LabelFontSize = 11;
        private const double MinRadius = 3.5;
        private const double MaxRadius = 11;

        /// <summary>Above this many points, only the Pareto front's are labelled (and the labelling stays fast).</summary>
        public const int MostPointsAllLabelled = 300;

        /// <summary>Average advance of a monospace character, in ems (DejaVu Sans Mono 0.60, Menlo 0.60, Consolas 0.55).</summary>
        public const double MonospaceAdvance = 0.61;

        public sealed class Result
        {
            public bool LogLatency { get; set; }
            public bool LogCost { get; set; }
            public int LabelsLeftOut { get; set; }
            public bool OnlyFrontLabelled { get; set; }
            public double SmallestRadius { get; set; }
            public double LargestRadius { get; set; }
            public int? FewestInvocations { get; set; }
            public int? MostInvocations { get; set; }
        }

        public static Result Write(StringBuilder html, string id, IReadOnlyList<PlotPoint> points, IReadOnlyList<ReferenceLine> references)
        {
            var result = new Result();
            double plotWidth = Width - Left - Right;
            double plotHeight = Height - Top - Bottom;
            Scale x = Scale.For(points.Select(p => p.Latency.Value).Concat(references.Select(r => r.Value)));
            Scale y = Scale.For(points.Select(p => p.CostPerMillion.Value));
            result.LogLatency = x.IsLogarithmic;
            result.LogCost = y.IsLogarithmic;
            Func<double, double> px = v => Left + x.Fraction(v) * plotWidth;
            Func<double, double> py = v => Top + (1 - y.Fraction(v)) * plotHeight;

            int[] invocations = points.Where(p => p.MaxInvocations.HasValue).Select(p => p.MaxInvocations.Value).ToArray();
            double mostInvocations = invocations.Length > 0 ? invocations.Max() : 0;
            Func<PlotPoint, double> radius = p => !p.MaxInvocations.HasValue || mostInvocations <= 0
                ? MinRadius
                : Math.Max(MinRadius, MaxRadius * Math.Sqrt(Math.Max(0, p.MaxInvocations.Value) / mostInvocations));
            if (invocations.Length > 0)
            {
                result.FewestInvocations = invocations.Min();
                result.MostInvocations = invocations.Max();
                result.SmallestRadius = Math.Max(MinRadius, MaxRadius * Math.Sqrt(Math.Max(0, invocations.Min()) / mostInvocations));
                result.LargestRadius = MaxRadius;
            }

            html.Append("<svg class=\"chart scatter\" id=\"").Append(id).Append("\" viewBox=\"0 0 ")
                .Append(ReportNumbers.Coordinate(Width)).Append(' ').Append(ReportNumbers.Coordinate(Height))
                .Append("\" role=\"img\" aria-labelledby=\"").Append(id).Append("-title\">\n");
            html.Append("<title id=\"").Append(id).Append("-title\">Cost per 1M inferences against model latency, ")
                .Append(points.Count).Append(points.Count == 1 ? " completed step" : " completed steps").Append("</title>\n");

            // Grid and ticks.
            html.Append("<g class=\"grid\">\n");
            foreach (double tick in x.Ticks)
            {
                string at = ReportNumbers.Coordinate(px(tick));
                html.Append("<line x1=\"").Append(at).Append("\" x2=\"").Append(at).Append("\" y1=\"").Append(ReportNumbers.Coordinate(Top))
                    .Append("\" y2=\"").Append(ReportNumbers.Coordinate(Top + plotHeight)).Append("\"/>\n");
            }

            foreach (double tick in y.Ticks)
            {
                string at = ReportNumbers.Coordinate(py(tick));
                html.Append("<line x1=\"").Append(ReportNumbers.Coordinate(Left)).Append("\" x2=\"").Append(ReportNumbers.Coordinate(Left + plotWidth))
                    .Append("\" y1=\"").Append(at).Append("\" y2=\"").Append(at).Append("\"/>\n");
            }

            html.Append("</g>\n");
            html.Append("<rect class=\"frame\" x=\"").Append(ReportNumbers.Coordinate(Left)).Append("\" y=\"").Append(ReportNumbers.Coordinate(Top))
                .Append("\" width=\"").Append(ReportNumbers.Coordinate(plotWidth)).Append("\" height=\"").Append(ReportNumbers.Coordinate(plotHeight)).Append("\"/>\n");

            html.Append("<g class=\"ticks x\">\n");
            foreach (double tick in x.Ticks)
            {
                Svg.Text(html, px(tick), Top + plotHeight + 16, ReportNumbers.Significant(tick, 6), "middle");
            }

            html.Append("</g>\n<g class=\"ticks y\">\n");
            foreach (double tick in y.Ticks)
            {
                Svg.Text(html, Left - 6, py(tick) + 4, ReportNumbers.Significant(tick, 6), "end");
            }

            html.Append("</g>\n");
            Svg.Text(html, Left + plotWidth / 2, Height - 14, "Model latency (ms" + (x.IsLogarithmic ? ", log scale)" : ")"), "middle", "axis-title");
            html.Append("<text class=\"axis-title\" text-anchor=\"middle\" transform=\"translate(16 ")
                .Append(ReportNumbers.Coordinate(Top + plotHeight / 2)).Append(") rotate(-90)\">Cost per 1M inferences (USD")
                .Append(y.IsLogarithmic ? ", log scale)" : ")").Append("</text>\n");

            var placer = new LabelPlacer(new Box(Left + 2, Top + 2, plotWidth - 4, plotHeight - 4));

            // Reference lines, their labels along the top of the plot (a row lower when two would meet).
            if (references.Count > 0)
            {
                html.Append("<g class=\"references\">\n");
                var rows = new List<Box>();
                foreach (ReferenceLine reference in references.OrderBy(r => r.Value))
                {
                    double at = px(reference.Value);
                    html.Append("<line class=\"reference ").Append(reference.CssClass).Append("\" x1=\"").Append(ReportNumbers.Coordinate(at))
                        .Append("\" x2=\"").Append(ReportNumbers.Coordinate(at)).Append("\" y1=\"").Append(ReportNumbers.Coordinate(Top))
                        .Append("\" y2=\"").Append(ReportNumbers.Coordinate(Top + plotHeight)).Append("\"><title>")
                        .Append(Html.Escape(reference.Text)).Append("</title></line>\n");
                    double width = TextWidth(reference.Text, LabelFontSize);
                    bool toLeft = at + 4 + width > Left + plotWidth;
                    Box box = default;
                    for (int row = 0; row < 6; row++)
                    {
                        box = new Box(toLeft ? at - 4 - width : at + 4, Top + 4 + row * (LabelFontSize + 4), width, LabelFontSize + 2);
                        if (!rows.Any(b => b.Overlaps(box, 2))) break;
                    }

                    rows.Add(box);
                    placer.AddObstacle(box);
                    placer.AddLine(at, Top, at, Top + plotHeight);
                    Svg.Text(html, toLeft ? box.Right : box.X, box.Y + LabelFontSize, reference.Text, toLeft ? "end" : "start", "reference-label " + reference.CssClass);
                }

                html.Append("</g>\n");
            }

            // The Pareto front, cheapest-for-its-speed steps joined from fastest to slowest.
            PlotPoint[] front = points.Where(p => p.OnFront).OrderBy(p => p.Latency.Value).ThenBy(p => p.CostPerMillion.Value).ToArray();
            if (front.Length > 1)
            {
                html.Append("<polyline class=\"pareto-line\" points=\"");
                for (int i = 0; i < front.Length; i++)
                {
                    if (i > 0) html.Append(' ');
                    html.Append(ReportNumbers.Coordinate(px(front[i].Latency.Value))).Append(',').Append(ReportNumbers.Coordinate(py(front[i].CostPerMillion.Value)));
                }

                html.Append("\"><title>Pareto front: no other step is both cheaper and faster</title></polyline>\n");
                for (int i = 1; i < front.Length; i++)
                {
                    placer.AddLine(px(front[i - 1].Latency.Value), py(front[i - 1].CostPerMillion.Value), px(front[i].Latency.Value), py(front[i].CostPerMillion.Value));
                }
            }

            // Points: the front drawn last, on top; big points before small ones so none hides another.
            foreach (PlotPoint point in points) placer.AddCircle(px(point.Latency.Value), py(point.CostPerMillion.Value), radius(point));
            IEnumerable<PlotPoint> drawOrder = points.OrderBy(p => p.OnFront).ThenByDescending(radius).ThenBy(p => p.Step);
            html.Append("<g class=\"points\">\n");
            foreach (PlotPoint point in drawOrder)
            {
                html.Append("<circle class=\"point").Append(point.OnFront ? " front" : string.Empty).Append("\" data-step=\"").Append(point.Step)
                    .Append("\" cx=\"").Append(ReportNumbers.Coordinate(px(point.Latency.Value))).Append("\" cy=\"").Append(ReportNumbers.Coordinate(py(point.CostPerMillion.Value)))
                    .Append("\" r=\"").Append(ReportNumbers.Coordinate(radius(point))).Append("\"><title>").Append(Html.Escape(point.Tooltip)).Append("</title></circle>\n");
            }

            html.Append("</g>\n");

            // Labels: the front's first, then from the cheapest up (only the front's on a crowded chart).
            IEnumerable<PlotPoint> labelOrder = points.OrderByDescending(p => p.OnFront).ThenBy(p => p.CostPerMillion.Value).ThenBy(p => p.Latency.Value).ThenBy(p => p.Step);
            if (points.Count > MostPointsAllLabelled)
            {
                result.OnlyFrontLabelled = true;
                labelOrder = labelOrder.Where(p => p.OnFront);
            }

            html.Append("<g class=\"labels\">\n");
            foreach (PlotPoint point in labelOrder)
            {
                double cx = px(point.Latency.Value);
                double cy = py(point.CostPerMillion.Value);
                double r = radius(point);
                Box? placed = placer.Place(cx, cy, r, TextWidth(point.Label, LabelFontSize), LabelFontSize + 2, point.OnFront, out bool leader);
                if (!placed.HasValue)
                {
                    result.LabelsLeftOut++;
                    continue;
                }

                Box box = placed.Value;
                if (leader)
                {
                    (double ex, double ey) = box.Nearest(cx, cy);
                    double distance = Math.Sqrt((ex - cx) * (ex - cx) + (ey - cy) * (ey - cy));
                    double sx = cx + (ex - cx) / distance * r;
                    double sy = cy + (ey - cy) / distance * r;
                    html.Append("<line class=\"leader\" x1=\"").Append(ReportNumbers.Coordinate(sx)).Append("\" y1=\"").Append(ReportNumbers.Coordinate(sy))
                        .Append("\" x2=\"").Append(ReportNumbers.Coordinate(ex)).Append("\" y2=\"").Append(ReportNumbers.Coordinate(ey)).Append("\"/>\n");
                }

                html.Append("<text class=\"label").Append(point.OnFront ? " front" : string.Empty).Append("\" data-step=\"").Append(point.Step)
                    .Append("\" x=\"").Append(ReportNumbers.Coordinate(box.X)).Append("\" y=\"").Append(ReportNumbers.Coordinate(box.Y + LabelFontSize - 1))
                    .Append("\">").Append(Html.Escape(point.Label)).Append("</text>\n");
            }

            html.Append("</g>\n</svg>\n");
            return result;
        }

        /// <summary>The width of a label in the chart's monospace font.</summary>
        public static double TextWidth(string text, double fontSize) => (text ?? string.Empty).Length * fontSize * MonospaceAdvance;
    }

    /// <summary>Small SVG writing helpers.</summary>
    internal static class Svg
    {
        public static void Text(StringBuilder html, double x, double y, string text, string anchor, string cssClass = null)
        {
            html.Append("<text");
            if (cssClass != null) html.Append(" class=\"").Append(cssClass).Append('"');
            html.Append(" x=\"").Append(ReportNumbers.Coordinate(x)).Append("\" y=\"").Append(ReportNumbers.Coordinate(y)).Append('"');
            if (anchor != "start") html.Append(" text-anchor=\"").Append(anchor).Append('"');
            html.Append('>').Append(Html.Escape(text)).Append("</text>\n");
        }
    }
}
