#nullable disable // not annotated yet: docs/ARCHITECTURE.md, Habits
namespace IRSteps.Report
{
    /// <summary>A COMPLETED step as the charts draw it.</summary>
    internal sealed class PlotPoint
    {
        /// <summary>The step's number in the report's table (1-based).</summary>
        public int Step { get; set; }

        /// <summary>Instance type and count, e.g. "ml.c5.xlarge x1".</summary>
        public string Configuration { get; set; }

        /// <summary>What the charts write beside the point: the configuration, with "#step" when another step has the same.</summary>
        public string Label { get; set; }

        /// <summary>Model latency, ms.</summary>
        public double? Latency { get; set; }

        /// <summary>Cost per inference times a million, USD.</summary>
        public double? CostPerMillion { get; set; }

        public int? MaxInvocations { get; set; }

        /// <summary>No other step beats it on both cost and latency.</summary>
        public bool OnFront { get; set; }

        /// <summary>Text a browser shows on hover (an SVG title).</summary>
        public string Tooltip { get; set; }

        public bool CanPlot => Latency.HasValue && CostPerMillion.HasValue && !double.IsNaN(CostPerMillion.Value) && !double.IsInfinity(CostPerMillion.Value);
    }

    /// <summary>A value drawn across a chart as a line: the existing endpoint's, or a job's threshold.</summary>
    internal sealed class ReferenceLine
    {
        public ReferenceLine(double value, string text, string cssClass)
        {
            Value = value;
            Text = text;
            CssClass = cssClass;
        }

        public double Value { get; }
        public string Text { get; }

        /// <summary>"endpoint" or "threshold": how the line is drawn (and what the legend calls it).</summary>
        public string CssClass { get; }
    }
}
