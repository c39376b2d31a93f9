#nullable disable // not annotated yet: docs/ARCHITECTURE.md, Habits
using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using IRSteps.Model;

namespace IRSteps.Report
{
    /// <summary>
    /// Writes the report: one self-contained HTML page (inline CSS, inline SVG, a few lines of inline script for
    /// sorting, a Content-Security-Policy that allows nothing else), one section per job. The same input always
    /// gives the same bytes: invariant culture, input order, no time of writing.
    /// </summary>
    public static class HtmlReport
    {
        private const string Completed = "COMPLETED";

        /// <summary>The step table's columns after Count: cost per hour to setup time.</summary>
        private const int StepMetricColumns = 9;

        /// <summary>The title used when none is given.</summary>
        public static string DefaultTitle(IReadOnlyList<ReportJob> jobs)
        {
            if (jobs.Count == 1 && jobs[0].JobName != null) return "Inference Recommender report: " + jobs[0].JobName;
            return jobs.Count > 1 ? "Inference Recommender report: " + jobs.Count.ToString(CultureInfo.InvariantCulture) + " jobs" : "Inference Recommender report";
        }

        public static string Write(IReadOnlyList<ReportJob> jobs, string title = null)
        {
            if (jobs == null) throw new ArgumentNullException(nameof(jobs));
            if (string.IsNullOrWhiteSpace(title)) title = DefaultTitle(jobs);
            var html = new StringBuilder(64 * 1024);

            html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
            html.Append("<meta http-equiv=\"Content-Security-Policy\" content=\"").Append(ReportAssets.ContentSecurityPolicy).Append("\">\n");
            html.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
            html.Append("<meta name=\"color-scheme\" content=\"light dark\">\n");
            html.Append("<meta name=\"generator\" content=\"IRSteps Export-IRJobReport\">\n");
            html.Append("<title>").Append(Html.Escape(title)).Append("</title>\n");
            html.Append("<style>").Append(ReportAssets.Stylesheet).Append("</style>\n</head>\n<body>\n");

            int steps = jobs.Sum(j => j.Steps.Count);
            html.Append("<header>\n<h1>").Append(Html.Escape(title)).Append("</h1>\n<p class=\"lead\">")
                .Append(Count(jobs.Count, "job", "jobs")).Append(", ").Append(Count(steps, "benchmark step", "benchmark steps"))
                .Append(". Amazon SageMaker Inference Recommender: cost against latency against throughput, beside the existing endpoint.</p>\n");
            if (jobs.Count > 1)
            {
                html.Append("<nav aria-label=\"Jobs\"><ol>\n");
                for (int i = 0; i < jobs.Count; i++)
                {
                    html.Append("<li><a href=\"#job-").Append(i + 1).Append("\">").Append(Html.Escape(NameOf(jobs[i]))).Append("</a>");
                    string status = StatusOf(jobs[i]);
                    if (status != null) html.Append(' ').Append(StatusBadge(status));
                    html.Append("</li>\n");
                }

                html.Append("</ol></nav>\n");
            }

            html.Append("</header>\n");
            if (jobs.Count == 0) html.Append("<p class=\"hint\">No steps or jobs were given.</p>\n");
            for (int i = 0; i < jobs.Count; i++) WriteJob(html, jobs[i], "job-" + (i + 1).ToString(CultureInfo.InvariantCulture));

            html.Append("<footer>Written by Export-IRJobReport (IRSteps) from the steps and jobs given to it. Costs in USD as ")
                .Append("SageMaker reports them (a cost per inference is shown per million inferences); latencies in milliseconds; ")
                .Append("invocations per minute; times in UTC.</footer>\n");
            html.Append("<script>").Append(ReportAssets.SortScript).Append("</script>\n</body>\n</html>\n");
            return html.ToString();
        }

        private static void WriteJob(StringBuilder html, ReportJob job, string id)
        {
            DescribeInferenceRecommendationsJobResponse description = job.Description;
            InferenceRecommendationsJob summary = job.Summary;
            string status = StatusOf(job);

            html.Append("<section class=\"job\" id=\"").Append(id).Append("\" aria-labelledby=\"").Append(id).Append("-name\">\n");
            html.Append("<h2 id=\"").Append(id).Append("-name\">").Append(Html.Escape(NameOf(job))).Append("</h2>\n");
            string text = description?.JobDescription ?? summary?.JobDescription;
            if (!string.IsNullOrEmpty(text)) html.Append("<p class=\"lead\">").Append(Html.Escape(text)).Append("</p>\n");

            // The job's facts: what the job object says, and what the steps say.
            html.Append("<dl class=\"facts\">\n");
            if (status != null) Fact(html, "Status", StatusBadge(status));
            Fact(html, "Job type", Html.Escape(description?.JobType ?? summary?.JobType));
            Fact(html, "Model", Html.Escape(description?.InputConfig?.ModelName ?? summary?.ModelName));
            DateTime? created = description?.CreationTime ?? summary?.CreationTime;
            DateTime? completed = description?.CompletionTime ?? summary?.CompletionTime;
            if (created.HasValue) Fact(html, "Created", ReportNumbers.Time(created));
            if (completed.HasValue)
            {
                string took = created.HasValue ? " (after " + ReportNumbers.Duration(completed.Value - created.Value) + ")" : string.Empty;
                Fact(html, "Completed", ReportNumbers.Time(completed) + took);
            }

            string stepCounts = Count(job.Steps.Count, "step", "steps");
            if (job.Steps.Count > 0)
            {
                stepCounts += ": " + string.Join(", ", job.Steps.GroupBy(s => s.Status ?? "no status")
                    .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
                    .Select(g => g.Count().ToString(CultureInfo.InvariantCulture) + " " + g.Key));
            }

            Fact(html, "Steps given", Html.Escape(stepCounts));
            DateTime[] starts = job.Steps.Select(s => s.InferenceBenchmark?.InvocationStartTime).Where(t => t.HasValue).Select(t => t.Value).ToArray();
            DateTime[] ends = job.Steps.Select(s => s.InferenceBenchmark?.InvocationEndTime).Where(t => t.HasValue).Select(t => t.Value).ToArray();
            if (starts.Length > 0 && ends.Length > 0)
            {
                Fact(html, "Benchmarks ran", ReportNumbers.Time(starts.Min()) + " to " + ReportNumbers.Time(ends.Max()));
            }

            List<(string Name, InferenceMetrics Metrics)> endpoints = ExistingEndpoints(job);
            foreach ((string name, InferenceMetrics metrics) in endpoints)
            {
                Fact(html, "Existing endpoint", Html.Escape((name != null ? name + ": " : string.Empty) + EndpointText(metrics)));
            }

            html.Append("</dl>\n");
            string failure = description?.FailureReason ?? summary?.FailureReason;
            if (!string.IsNullOrEmpty(failure)) html.Append("<p class=\"failure\"><strong>Failure reason:</strong> ").Append(Html.Escape(failure)).Append("</p>\n");
            if (description == null && summary == null && job.Steps.Count > 0)
            {
                html.Append("<p class=\"hint\">Only steps were given: pipe the job from Get-IRJob as well to see its status, times and recommendations.</p>\n");
            }

            List<PlotPoint> points = PlotPoints(job.Steps);
            List<PlotPoint> plotted = points.Where(p => p.CanPlot).ToList();
            if (plotted.Count > 0) WriteHighlights(html, plotted, endpoints);
            WriteCharts(html, job, id, points, plotted, endpoints);

            if (job.Steps.Count > 0)
            {
                html.Append("<h3 id=\"").Append(id).Append("-steps\">Steps</h3>\n");
                WriteStepTable(html, job.Steps, points);
            }

            List<InferenceRecommendation> recommendations = description?.InferenceRecommendations;
            if (recommendations != null && recommendations.Count > 0)
            {
                html.Append("<h3 id=\"").Append(id).Append("-recommendations\">Recommendations</h3>\n");
                WriteRecommendationTable(html, recommendations);
            }
            else if (description != null)
            {
                html.Append("<h3 id=\"").Append(id).Append("-recommendations\">Recommendations</h3>\n<p class=\"hint\">The job has no recommendations.</p>\n");
            }

            html.Append("</section>\n");
        }

        private static void WriteHighlights(StringBuilder html, List<PlotPoint> plotted, List<(string Name, InferenceMetrics Metrics)> endpoints)
        {
            PlotPoint cheapest = plotted.OrderBy(p => p.CostPerMillion.Value).ThenBy(p => p.Latency.Value).ThenBy(p => p.Step).First();
            PlotPoint fastest = plotted.OrderBy(p => p.Latency.Value).ThenBy(p => p.CostPerMillion.Value).ThenBy(p => p.Step).First();
            PlotPoint busiest = plotted.Where(p => p.MaxInvocations.HasValue)
                .OrderByDescending(p => p.MaxInvocations.Value).ThenBy(p => p.CostPerMillion.Value).ThenBy(p => p.Step).FirstOrDefault();
            html.Append("<ul class=\"highlights\">\n");
            Highlight(html, "Cheapest per inference", cheapest);
            Highlight(html, "Lowest latency", fastest);
            if (busiest != null) Highlight(html, "Most invocations", busiest);
            if (endpoints.Count > 0)
            {
                (string name, InferenceMetrics metrics) = endpoints[0];
                html.Append("<li><strong>Existing endpoint</strong><span class=\"what\">").Append(Html.Escape(name ?? "as measured by the job"))
                    .Append("</span><br>").Append(Html.Escape(EndpointText(metrics))).Append("</li>\n");
            }

            html.Append("</ul>\n");
        }

        private static void Highlight(StringBuilder html, string heading, PlotPoint point)
        {
            html.Append("<li><strong>").Append(heading).Append("</strong><span class=\"what\">").Append(Html.Escape(point.Configuration))
                .Append("</span> <span class=\"note\">#").Append(point.Step).Append("</span><br>")
                .Append(Html.Escape(MetricsText(point))).Append("</li>\n");
        }

        private static void WriteCharts(StringBuilder html, ReportJob job, string id, List<PlotPoint> points, List<PlotPoint> plotted,
            List<(string Name, InferenceMetrics Metrics)> endpoints)
        {
            int completed = points.Count;
            if (completed == 0)
            {
                if (job.Steps.Count > 0) html.Append("<p class=\"hint\">No COMPLETED step to chart.</p>\n");
                return;
            }

            var latencyLines = new List<ReferenceLine>();
            var invocationLines = new List<ReferenceLine>();
            foreach ((string name, InferenceMetrics metrics) in endpoints)
            {
                string who = name ?? "existing endpoint";
                if (metrics.ModelLatency.HasValue)
                {
                    latencyLines.Add(new ReferenceLine(metrics.ModelLatency.Value, who + " " + ReportNumbers.Integer(metrics.ModelLatency) + " ms", "endpoint"));
                }

                if (metrics.MaxInvocations.HasValue)
                {
                    invocationLines.Add(new ReferenceLine(metrics.MaxInvocations.Value, who + " " + ReportNumbers.Integer(metrics.MaxInvocations) + "/min", "endpoint"));
                }
            }

            List<ModelLatencyThreshold> thresholds = job.Description?.StoppingConditions?.ModelLatencyThresholds ?? new List<ModelLatencyThreshold>();
            foreach (ModelLatencyThreshold threshold in thresholds.Where(t => t?.ValueInMilliseconds != null))
            {
                latencyLines.Add(new ReferenceLine(threshold.ValueInMilliseconds.Value,
                    (threshold.Percentile ?? "latency") + " threshold " + ReportNumbers.Integer(threshold.ValueInMilliseconds) + " ms", "threshold"));
            }

            if (plotted.Count > 0)
            {
                html.Append("<figure class=\"scatter-figure\">\n");
                ScatterChart.Result chart = ScatterChart.Write(html, id + "-scatter", plotted, latencyLines);
                html.Append("<figcaption>\n<ul class=\"legend\">\n");
                LegendItem(html, "<circle class=\"key-point front\" cx=\"13\" cy=\"8\" r=\"5.5\"/>", "on the Pareto front: no other step is both cheaper and faster");
                if (plotted.Any(p => !p.OnFront)) LegendItem(html, "<circle class=\"key-point\" cx=\"13\" cy=\"8\" r=\"5.5\"/>", "other completed steps");
                if (plotted.Count(p => p.OnFront) > 1) LegendItem(html, "<line class=\"pareto-line\" x1=\"1\" x2=\"25\" y1=\"8\" y2=\"8\"/>", "Pareto front");
                if (latencyLines.Any(l => l.CssClass == "endpoint")) LegendItem(html, "<line class=\"reference endpoint\" x1=\"1\" x2=\"25\" y1=\"8\" y2=\"8\"/>", "existing endpoint's latency");
                if (latencyLines.Any(l => l.CssClass == "threshold")) LegendItem(html, "<line class=\"reference threshold\" x1=\"1\" x2=\"25\" y1=\"8\" y2=\"8\"/>", "the job's latency threshold");
                if (chart.MostInvocations.HasValue && chart.FewestInvocations != chart.MostInvocations)
                {
                    LegendItem(html, "<circle class=\"key-point\" cx=\"6\" cy=\"8\" r=\"" + ReportNumbers.Coordinate(Math.Min(chart.SmallestRadius, 7)) + "\"/>"
                        + "<circle class=\"key-point\" cx=\"18\" cy=\"8\" r=\"7\"/>",
                        "area: max invocations, " + ReportNumbers.Integer(chart.FewestInvocations) + " to " + ReportNumbers.Integer(chart.MostInvocations) + " per minute");
                }

                html.Append("</ul>\n<p class=\"note\">Lower left is better: cheaper and faster. ");
                if (chart.LogCost || chart.LogLatency) html.Append("Axes marked log scale grow tenfold per equal step. ");
                if (chart.OnlyFrontLabelled) html.Append("With so many points, only the Pareto front is labelled. ");
                if (chart.LabelsLeftOut > 0)
                {
                    html.Append(Count(chart.LabelsLeftOut, "label was", "labels were")).Append(" left out where they would overlap: point at a step, or see the table. ");
                }

                html.Append("</p>\n");
                List<PlotPoint> notPlotted = points.Where(p => !p.CanPlot).ToList();
                if (notPlotted.Count > 0)
                {
                    html.Append("<p class=\"note\">Not in the chart, for want of a cost per inference or a latency: ")
                        .Append(Html.Escape(string.Join(", ", notPlotted.Select(p => "#" + p.Step.ToString(CultureInfo.InvariantCulture) + " " + p.Configuration))))
                        .Append(".</p>\n");
                }

                html.Append("</figcaption>\n</figure>\n");
            }

            if (points.Any(p => p.MaxInvocations.HasValue))
            {
                html.Append("<figure class=\"bars-figure\">\n");
                ThroughputChart.Write(html, id + "-bars", points, invocationLines);
                html.Append("<figcaption>\n<ul class=\"legend\">\n");
                LegendItem(html, "<rect class=\"key-bar front\" x=\"1\" y=\"3\" width=\"24\" height=\"10\"/>", "on the Pareto front");
                if (points.Any(p => !p.OnFront && p.MaxInvocations.HasValue)) LegendItem(html, "<rect class=\"key-bar\" x=\"1\" y=\"3\" width=\"24\" height=\"10\"/>", "other completed steps");
                if (invocationLines.Count > 0) LegendItem(html, "<line class=\"reference endpoint\" x1=\"1\" x2=\"25\" y1=\"8\" y2=\"8\"/>", "existing endpoint's max invocations");
                html.Append("</ul>\n<p class=\"note\">Longer is better: the invocations per minute a configuration served before latency or errors rose.</p>\n</figcaption>\n</figure>\n");
            }
        }

        private static void LegendItem(StringBuilder html, string svg, string text)
        {
            html.Append("<li><svg viewBox=\"0 0 26 16\" aria-hidden=\"true\">").Append(svg).Append("</svg>").Append(Html.Escape(text)).Append("</li>\n");
        }

        private static void WriteStepTable(StringBuilder html, List<InferenceRecommendationsJobStep> steps, List<PlotPoint> points)
        {
            var front = new HashSet<int>(points.Where(p => p.OnFront).Select(p => p.Step));
            html.Append("<div class=\"table-wrap\">\n<table class=\"steps sortable\">\n<thead>\n<tr>");
            Header(html, "#", null, "num", "The step's place in the order the steps came");
            Header(html, "Status", null, null, "Status");
            Header(html, "Instance type", null, null, "InstanceType (serverless: memory size)");
            Header(html, "Count", null, "num", "InitialInstanceCount (serverless: MaxConcurrency)");
            Header(html, "Cost / hour", "USD", "num", "CostPerHour");
            Header(html, "Cost / 1M inferences", "USD", "num", "CostPerInference \u00D7 1,000,000");
            Header(html, "Max invocations", "per minute", "num", "MaxInvocations; below it InvocationsVsEndpoint: above 1 serves more than the existing endpoint");
            Header(html, "Model latency", "ms", "num", "ModelLatency; below it LatencyVsEndpoint: below 1 answers faster than the existing endpoint");
            Header(html, "Endpoint max invocations", "per minute", "num", "EndpointMaxInvocations: the existing endpoint's");
            Header(html, "Endpoint latency", "ms", "num", "EndpointModelLatency: the existing endpoint's");
            Header(html, "CPU", "%", "num", "CpuUtilization");
            Header(html, "Memory", "%", "num", "MemoryUtilization");
            Header(html, "Setup", "s", "num", "ModelSetupTime");
            html.Append("</tr>\n</thead>\n<tbody>\n");
            for (int i = 0; i < steps.Count; i++)
            {
                InferenceRecommendationsJobStep step = steps[i];
                int number = i + 1;
                html.Append("<tr class=\"step ").Append(CssToken(step.Status)).Append("\" data-step=\"").Append(number).Append("\">");
                NumberCell(html, number, number.ToString(CultureInfo.InvariantCulture));
                // A step that failed before any measurement has its FailureReason where its metrics would be;
                // one that failed with metrics keeps them, and the reason goes under its status.
                bool measured = step.InferenceBenchmark?.Metrics != null || step.InferenceBenchmark?.EndpointMetrics != null;
                bool reasonInStatus = measured && !string.IsNullOrEmpty(step.FailureReason);
                html.Append("<td>").Append(Html.Escape(step.Status));
                if (reasonInStatus) html.Append("<span class=\"reason\">").Append(Html.Escape(step.FailureReason)).Append("</span>");
                html.Append("</td>");
                html.Append("<td class=\"mono\">").Append(Html.Escape(InstanceText(step.InferenceBenchmark?.EndpointConfiguration)));
                if (front.Contains(number)) html.Append("<span class=\"badge\" title=\"On the Pareto front\">front</span>");
                html.Append("</td>");
                int? count = step.InitialInstanceCount ?? step.InferenceBenchmark?.EndpointConfiguration?.ServerlessConfig?.MaxConcurrency;
                NumberCell(html, count, ReportNumbers.Integer(count));
                if (!measured && !string.IsNullOrEmpty(step.FailureReason))
                {
                    html.Append("<td class=\"reason\" colspan=\"").Append(StepMetricColumns).Append("\"><strong>Failure reason:</strong> ")
                        .Append(Html.Escape(step.FailureReason)).Append("</td></tr>\n");
                    continue;
                }

                NumberCell(html, step.CostPerHour, ReportNumbers.CostPerHour(step.CostPerHour));
                NumberCell(html, step.CostPerInference, ReportNumbers.CostPerMillion(step.CostPerInference), CostTitle(step.CostPerInference));
                NumberCell(html, step.MaxInvocations, ReportNumbers.Integer(step.MaxInvocations), null, VersusEndpoint(step.InvocationsVsEndpoint));
                NumberCell(html, step.ModelLatency, ReportNumbers.Integer(step.ModelLatency), null, VersusEndpoint(step.LatencyVsEndpoint));
                NumberCell(html, step.EndpointMaxInvocations, ReportNumbers.Integer(step.EndpointMaxInvocations));
                NumberCell(html, step.EndpointModelLatency, ReportNumbers.Integer(step.EndpointModelLatency));
                NumberCell(html, step.CpuUtilization, ReportNumbers.Percent(step.CpuUtilization));
                NumberCell(html, step.MemoryUtilization, ReportNumbers.Percent(step.MemoryUtilization));
                NumberCell(html, step.ModelSetupTime, ReportNumbers.Integer(step.ModelSetupTime));
                html.Append("</tr>\n");
            }

            html.Append("</tbody>\n</table>\n</div>\n");
        }

        private static void WriteRecommendationTable(StringBuilder html, List<InferenceRecommendation> recommendations)
        {
            html.Append("<div class=\"table-wrap\">\n<table class=\"recommendations sortable\">\n<thead>\n<tr>");
            Header(html, "#", null, "num", "The recommendation's place in the job's answer");
            Header(html, "Recommendation", null, null, "RecommendationId");
            Header(html, "Instance type", null, null, "EndpointConfiguration.InstanceType");
            Header(html, "Count", null, "num", "EndpointConfiguration.InitialInstanceCount");
            Header(html, "Cost / hour", "USD", "num", "Metrics.CostPerHour");
            Header(html, "Cost / 1M inferences", "USD", "num", "Metrics.CostPerInference \u00D7 1,000,000");
            Header(html, "Max invocations", "per minute", "num", "Metrics.MaxInvocations");
            Header(html, "Model latency", "ms", "num", "Metrics.ModelLatency");
            Header(html, "CPU", "%", "num", "Metrics.CpuUtilization");
            Header(html, "Memory", "%", "num", "Metrics.MemoryUtilization");
            Header(html, "Setup", "s", "num", "Metrics.ModelSetupTime");
            html.Append("</tr>\n</thead>\n<tbody>\n");
            for (int i = 0; i < recommendations.Count; i++)
            {
                InferenceRecommendation recommendation = recommendations[i];
                RecommendationMetrics metrics = recommendation?.Metrics;
                EndpointOutputConfiguration configuration = recommendation?.EndpointConfiguration;
                html.Append("<tr class=\"recommendation\">");
                NumberCell(html, i + 1, (i + 1).ToString(CultureInfo.InvariantCulture));
                html.Append("<td class=\"mono\">").Append(Html.Escape(recommendation?.RecommendationId)).Append("</td>");
                html.Append("<td class=\"mono\">").Append(Html.Escape(InstanceText(configuration))).Append("</td>");
                int? count = configuration?.InitialInstanceCount ?? configuration?.ServerlessConfig?.MaxConcurrency;
                NumberCell(html, count, ReportNumbers.Integer(count));
                NumberCell(html, metrics?.CostPerHour, ReportNumbers.CostPerHour(metrics?.CostPerHour));
                NumberCell(html, metrics?.CostPerInference, ReportNumbers.CostPerMillion(metrics?.CostPerInference), CostTitle(metrics?.CostPerInference));
                NumberCell(html, metrics?.MaxInvocations, ReportNumbers.Integer(metrics?.MaxInvocations));
                NumberCell(html, metrics?.ModelLatency, ReportNumbers.Integer(metrics?.ModelLatency));
                NumberCell(html, metrics?.CpuUtilization, ReportNumbers.Percent(metrics?.CpuUtilization));
                NumberCell(html, metrics?.MemoryUtilization, ReportNumbers.Percent(metrics?.MemoryUtilization));
                NumberCell(html, metrics?.ModelSetupTime, ReportNumbers.Integer(metrics?.ModelSetupTime));
                html.Append("</tr>\n");
            }

            html.Append("</tbody>\n</table>\n</div>\n");
        }

        /// <summary>The COMPLETED steps, numbered by their place among all the job's steps; the front marked.</summary>
        private static List<PlotPoint> PlotPoints(List<InferenceRecommendationsJobStep> steps)
        {
            var points = new List<PlotPoint>();
            for (int i = 0; i < steps.Count; i++)
            {
                InferenceRecommendationsJobStep step = steps[i];
                if (!string.Equals(step.Status, Completed, StringComparison.Ordinal)) continue;
                var point = new PlotPoint
                {
                    Step = i + 1,
                    Configuration = LabelOf(step.InferenceBenchmark?.EndpointConfiguration),
                    Latency = step.ModelLatency,
                    CostPerMillion = step.CostPerInference * ReportNumbers.PerMillion,
                    MaxInvocations = step.MaxInvocations,
                };
                points.Add(point);
            }

            // The same configuration twice (other environment variables, say) is told apart by its step number.
            var repeated = new HashSet<string>(points.GroupBy(p => p.Configuration).Where(g => g.Count() > 1).Select(g => g.Key));
            foreach (PlotPoint point in points)
            {
                point.Label = repeated.Contains(point.Configuration)
                    ? point.Configuration + " #" + point.Step.ToString(CultureInfo.InvariantCulture)
                    : point.Configuration;
            }

            List<PlotPoint> plotted = points.Where(p => p.CanPlot).ToList();
            foreach (int index in ParetoFront.Of(plotted.Select(p => ((double)p.Latency.Value, p.CostPerMillion.Value)).ToList()))
            {
                plotted[index].OnFront = true;
            }

            foreach (PlotPoint point in points)
            {
                point.Tooltip = "#" + point.Step.ToString(CultureInfo.InvariantCulture) + " " + point.Configuration + ": " + MetricsText(point)
                    + (point.OnFront ? " (Pareto front)" : string.Empty);
            }

            return points;
        }

        private static string MetricsText(PlotPoint point)
        {
            var parts = new List<string>();
            if (point.CostPerMillion.HasValue) parts.Add("$" + ReportNumbers.Significant(point.CostPerMillion.Value) + " per 1M inferences");
            if (point.Latency.HasValue) parts.Add(ReportNumbers.Whole(point.Latency.Value) + " ms");
            if (point.MaxInvocations.HasValue) parts.Add(ReportNumbers.Integer(point.MaxInvocations) + " invocations/min");
            return string.Join(", ", parts);
        }

        /// <summary>
        /// The existing endpoints the job compared with: the describe answer's EndpointPerformances (named), then
        /// any other EndpointMetrics the steps carry. One entry per distinct pair of metrics.
        /// </summary>
        private static List<(string Name, InferenceMetrics Metrics)> ExistingEndpoints(ReportJob job)
        {
            var endpoints = new List<(string Name, InferenceMetrics Metrics)>();
            var seen = new HashSet<(int?, int?)>();
            foreach (EndpointPerformance performance in job.Description?.EndpointPerformances ?? new List<EndpointPerformance>())
            {
                if (performance?.Metrics == null) continue;
                if (seen.Add((performance.Metrics.ModelLatency, performance.Metrics.MaxInvocations)))
                {
                    endpoints.Add((performance.EndpointInfo?.EndpointName, performance.Metrics));
                }
            }

            foreach (InferenceMetrics metrics in job.Steps.Select(s => s.InferenceBenchmark?.EndpointMetrics).Where(m => m != null))
            {
                if (metrics.ModelLatency == null && metrics.MaxInvocations == null) continue;
                if (seen.Add((metrics.ModelLatency, metrics.MaxInvocations))) endpoints.Add((null, metrics));
            }

            return endpoints;
        }

        private static string EndpointText(InferenceMetrics metrics)
        {
            var parts = new List<string>();
            if (metrics.ModelLatency.HasValue) parts.Add(ReportNumbers.Integer(metrics.ModelLatency) + " ms");
            if (metrics.MaxInvocations.HasValue) parts.Add(ReportNumbers.Integer(metrics.MaxInvocations) + " invocations/min");
            return string.Join(", ", parts);
        }

        private static string NameOf(ReportJob job) => job.JobName ?? "(steps without a job name)";

        private static string StatusOf(ReportJob job) => job.Description?.Status ?? job.Summary?.Status;

        private static string StatusBadge(string status) =>
            "<span class=\"status " + CssToken(status) + "\">" + Html.Escape(status) + "</span>";

        /// <summary>A status as a class name: lower-case letters, digits and underscores only.</summary>
        private static string CssToken(string value)
        {
            if (string.IsNullOrEmpty(value)) return "none";
            var token = new StringBuilder(value.Length);
            foreach (char c in value.ToLowerInvariant())
            {
                token.Append((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' ? c : '_');
            }

            return token.ToString();
        }

        /// <summary>What a point or bar is called: "ml.c5.xlarge x1", "serverless 4096 MB x5".</summary>
        private static string LabelOf(EndpointOutputConfiguration configuration)
        {
            string label = configuration?.ToString();
            return string.IsNullOrEmpty(label) ? "(no instance type)" : label;
        }

        private static string InstanceText(EndpointOutputConfiguration configuration)
        {
            if (configuration?.ServerlessConfig != null)
            {
                return "serverless " + configuration.ServerlessConfig.MemorySizeInMB?.ToString(CultureInfo.InvariantCulture) + " MB";
            }

            return configuration?.InstanceType;
        }

        private static string CostTitle(double? costPerInference) =>
            costPerInference.HasValue ? ReportNumbers.Decimal(costPerInference.Value, 12) + " USD per inference" : null;

        private static void Fact(StringBuilder html, string name, string valueHtml)
        {
            if (string.IsNullOrEmpty(valueHtml)) return;
            html.Append("<div><dt>").Append(name).Append("</dt><dd>").Append(valueHtml).Append("</dd></div>\n");
        }

        private static void Header(StringBuilder html, string text, string unit, string cssClass, string title)
        {
            html.Append("<th scope=\"col\"");
            if (cssClass != null) html.Append(" class=\"").Append(cssClass).Append('"');
            if (title != null) html.Append(" title=\"").Append(Html.Escape(title)).Append('"');
            html.Append('>').Append(Html.Escape(text));
            if (unit != null) html.Append("<span class=\"unit\">").Append(Html.Escape(unit)).Append("</span>");
            html.Append("</th>");
        }

        /// <summary>A number, sorted by its value (data-v); below it, in small type, how it compares.</summary>
        private static void NumberCell(StringBuilder html, double? value, string text, string title = null, string comparison = null)
        {
            html.Append("<td class=\"num\" data-v=\"").Append(ReportNumbers.SortKey(value)).Append('"');
            if (title != null) html.Append(" title=\"").Append(Html.Escape(title)).Append('"');
            html.Append('>').Append(Html.Escape(text));
            if (comparison != null) html.Append("<span class=\"versus\">").Append(Html.Escape(comparison)).Append("</span>");
            html.Append("</td>");
        }

        private static string VersusEndpoint(double? ratio) => ratio.HasValue ? ReportNumbers.Ratio(ratio) + " endpoint" : null;

        private static string Count(int count, string one, string many) =>
            count.ToString("#,##0", CultureInfo.InvariantCulture) + " " + (count == 1 ? one : many);
    }
}
