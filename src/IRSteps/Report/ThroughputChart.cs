#nullable disable // not annotated yet: docs/ARCHITECTURE.md, Habits
using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace IRSteps.Report
{
    /// <summary>
    /// The throughput chart: a bar per COMPLETED step with its max invocations per minute, most first, and the
    /// existing endpoint's max invocations as a vertical reference line.
    /// </summary>
    internal static class ThroughputChart
    {
        public const double Width = 760;
        private const double Right = 64;
        private const double Top = 34;
        private const double Bottom = 48;
        private const double BarHeight = 14;
        private const double BarPitch = 21;
        private const double FontSize = 11;
        private const double MaxLabelWidth = 220;

        public static void Write(StringBuilder html, string id, IReadOnlyList<PlotPoint> points, IReadOnlyList<ReferenceLine> references)
        {
            PlotPoint[] bars = points.Where(p => p.MaxInvocations.HasValue)
                .OrderByDescending(p => p.MaxInvocations.Value).ThenBy(p => p.Step).ToArray();
            double labelWidth = Math.Min(MaxLabelWidth, bars.Select(b => ScatterChart.TextWidth(b.Label, FontSize)).DefaultIfEmpty(40).Max());
            double left = 12 + labelWidth + 8;
            double plotWidth = Width - left - Right;
            double plotHeight = bars.Length * BarPitch + 6;
            double height = Top + plotHeight + Bottom;
            Scale x = Scale.For(bars.Select(b => (double)b.MaxInvocations.Value).Concat(references.Select(r => r.Value)), fromZero: true);
            Func<double, double> px = v => left + x.Fraction(v) * plotWidth;

            html.Append("<svg class=\"chart bars\" id=\"").Append(id).Append("\" viewBox=\"0 0 ").Append(ReportNumbers.Coordinate(Width)).Append(' ')
                .Append(ReportNumbers.Coordinate(height)).Append("\" role=\"img\" aria-labelledby=\"").Append(id).Append("-title\">\n");
            html.Append("<title id=\"").Append(id).Append("-title\">Max invocations per minute of each completed step</title>\n");

            html.Append("<g class=\"grid\">\n");
            foreach (double tick in x.Ticks)
            {
                string at = ReportNumbers.Coordinate(px(tick));
                html.Append("<line x1=\"").Append(at).Append("\" x2=\"").Append(at).Append("\" y1=\"").Append(ReportNumbers.Coordinate(Top))
                    .Append("\" y2=\"").Append(ReportNumbers.Coordinate(Top + plotHeight)).Append("\"/>\n");
            }

            html.Append("</g>\n<g class=\"ticks x\">\n");
            foreach (double tick in x.Ticks)
            {
                Svg.Text(html, px(tick), Top + plotHeight + 16, ReportNumbers.Whole(tick), "middle");
            }

            html.Append("</g>\n");
            Svg.Text(html, left + plotWidth / 2, height - 10, "Max invocations (per minute)", "middle", "axis-title");

            html.Append("<g class=\"bars\">\n");
            for (int i = 0; i < bars.Length; i++)
            {
                PlotPoint bar = bars[i];
                double y = Top + 4 + i * BarPitch;
                double end = px(bar.MaxInvocations.Value);
                string label = bar.Label;
                int fits = (int)(MaxLabelWidth / (FontSize * ScatterChart.MonospaceAdvance));
                if (label.Length > fits) label = label.Substring(0, fits - 1) + "\u2026";
                Svg.Text(html, left - 8, y + BarHeight - 3, label, "end", "bar-label" + (bar.OnFront ? " front" : string.Empty));
                html.Append("<rect class=\"bar").Append(bar.OnFront ? " front" : string.Empty).Append("\" data-step=\"").Append(bar.Step)
                    .Append("\" x=\"").Append(ReportNumbers.Coordinate(left)).Append("\" y=\"").Append(ReportNumbers.Coordinate(y))
                    .Append("\" width=\"").Append(ReportNumbers.Coordinate(Math.Max(1, end - left))).Append("\" height=\"").Append(ReportNumbers.Coordinate(BarHeight))
                    .Append("\"><title>").Append(Html.Escape(bar.Tooltip)).Append("</title></rect>\n");
                Svg.Text(html, end + 4, y + BarHeight - 3, ReportNumbers.Whole(bar.MaxInvocations.Value), "start", "bar-value");
            }

            html.Append("</g>\n");
            html.Append("<line class=\"axis\" x1=\"").Append(ReportNumbers.Coordinate(left)).Append("\" x2=\"").Append(ReportNumbers.Coordinate(left))
                .Append("\" y1=\"").Append(ReportNumbers.Coordinate(Top)).Append("\" y2=\"").Append(ReportNumbers.Coordinate(Top + plotHeight)).Append("\"/>\n");

            if (references.Count > 0)
            {
                html.Append("<g class=\"references\">\n");
                int row = 0;
                foreach (ReferenceLine reference in references.OrderBy(r => r.Value))
                {
                    double at = px(reference.Value);
                    html.Append("<line class=\"reference ").Append(reference.CssClass).Append("\" x1=\"").Append(ReportNumbers.Coordinate(at))
                        .Append("\" x2=\"").Append(ReportNumbers.Coordinate(at)).Append("\" y1=\"").Append(ReportNumbers.Coordinate(Top - 4))
                        .Append("\" y2=\"").Append(ReportNumbers.Coordinate(Top + plotHeight)).Append("\"><title>").Append(Html.Escape(reference.Text))
                        .Append("</title></line>\n");
                    double width = ScatterChart.TextWidth(reference.Text, FontSize);
                    bool toLeft = at + 4 + width > Width - 4;
                    Svg.Text(html, toLeft ? at - 4 : at + 4, Top - 8 - row * (FontSize + 3), reference.Text, toLeft ? "end" : "start", "reference-label " + reference.CssClass);
                    row = (row + 1) % 2;
                }

                html.Append("</g>\n");
            }

            html.Append("</svg>\n");
        }
    }
}
