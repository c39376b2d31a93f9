using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading;
using IRSteps.Errors;
using IRSteps.Model;
using IRSteps.Report;
using Xunit;

namespace IRSteps.Tests
{
    /// <summary>The HTML report as written by HtmlReport: what a reader of the file finds in it.</summary>
    public class ReportTests
    {
        private static int CountOf(string html, string pattern) => Regex.Matches(html, pattern).Count;

        private static string Section(string html, int job)
        {
            int start = html.IndexOf("<section class=\"job\" id=\"job-" + job + "\"", StringComparison.Ordinal);
            Assert.True(start >= 0, "section job-" + job);
            int end = html.IndexOf("</section>", start, StringComparison.Ordinal);
            return html.Substring(start, end - start);
        }

        [Fact]
        public void TheSameInputGivesTheSameBytes()
        {
            string first = HtmlReport.Write(ReportSamples.Resnet(), "Nightly");
            string second = HtmlReport.Write(ReportSamples.Resnet(), "Nightly");
            Assert.Equal(first, second);
        }

        [Theory]
        [InlineData("de-DE")]
        [InlineData("fr-FR")]
        [InlineData("ar-SA")]
        [InlineData("hi-IN")]
        public void TheCultureOfTheThreadChangesNothing(string culture)
        {
            string invariant = WithCulture(CultureInfo.InvariantCulture, () => HtmlReport.Write(ReportSamples.Resnet()));
            string other = WithCulture(new CultureInfo(culture), () => HtmlReport.Write(ReportSamples.Resnet()));
            Assert.Equal(invariant, other);
            Assert.Contains(">1.13<", other);
            Assert.Contains(">4,380<", other);
        }

        private static string WithCulture(CultureInfo culture, Func<string> write)
        {
            CultureInfo before = CultureInfo.CurrentCulture;
            CultureInfo beforeUi = CultureInfo.CurrentUICulture;
            try
            {
                CultureInfo.CurrentCulture = culture;
                CultureInfo.CurrentUICulture = culture;
                return write();
            }
            finally
            {
                CultureInfo.CurrentCulture = before;
                CultureInfo.CurrentUICulture = beforeUi;
            }
        }

        [Fact]
        public void OnePointPerCompletedStepAndOneRowPerStep()
        {
            string html = HtmlReport.Write(ReportSamples.Resnet());
            Assert.Equal(7, CountOf(html, "<circle class=\"point[ \"]"));
            Assert.Equal(8, CountOf(html, "<tr class=\"step "));
            Assert.Equal(7, CountOf(html, "<rect class=\"bar[ \"]"));
            Assert.Equal(1, CountOf(html, "<tr class=\"step failed\""));
        }

        [Fact]
        public void TheParetoFrontIsTheStepsNoneBeatsOnCostAndLatency()
        {
            string html = HtmlReport.Write(ReportSamples.Resnet());
            string[] front = Regex.Matches(html, "<circle class=\"point front\" data-step=\"(\\d+)\"").Cast<Match>().Select(m => m.Groups[1].Value).OrderBy(s => s).ToArray();
            Assert.Equal(new[] { "4", "5" }, front);
            Assert.Equal(1, CountOf(html, "<polyline class=\"pareto-line\""));

            // The line joins them from the fastest (g4dn, 12 ms) to the cheapest (inf1, 15 ms): x grows along it.
            Match line = Regex.Match(html, "<polyline class=\"pareto-line\" points=\"([\\d.]+),([\\d.]+) ([\\d.]+),([\\d.]+)\"");
            Assert.True(line.Success);
            Assert.True(double.Parse(line.Groups[1].Value, CultureInfo.InvariantCulture) < double.Parse(line.Groups[3].Value, CultureInfo.InvariantCulture));
            Assert.True(double.Parse(line.Groups[2].Value, CultureInfo.InvariantCulture) < double.Parse(line.Groups[4].Value, CultureInfo.InvariantCulture),
                "the cheaper point is lower on the chart");
        }

        [Fact]
        public void CostsShowTheirMagnitudePerMillionAndLatenciesInMilliseconds()
        {
            string html = HtmlReport.Write(ReportSamples.Resnet());
            Assert.Contains("Cost / 1M inferences<span class=\"unit\">USD</span>", html);
            Assert.Contains("data-v=\"1.13E-06\" title=\"0.00000113 USD per inference\">1.13</td>", html);
            Assert.Contains("data-v=\"1.67E-05\" title=\"0.0000167 USD per inference\">16.7</td>", html);
            Assert.Contains("Model latency (ms)", html);
            Assert.Contains("Cost per 1M inferences (USD, log scale)", html);   // 1.13 to 16.7: log
            Assert.Contains("$1.13 per 1M inferences, 15 ms, 4,380 invocations/min", html);
            Assert.Equal("5.99", ReportNumbers.CostPerMillion(0.0000059899));
            Assert.Equal("0.0123", ReportNumbers.Significant(0.012345));
            Assert.Equal("1,235", ReportNumbers.Significant(1234.5));
            Assert.Equal("n/a", ReportNumbers.Percent(double.NaN));
            Assert.Equal("\u2014", ReportNumbers.CostPerMillion(null));
        }

        [Fact]
        public void TheExistingEndpointAndTheThresholdAreReferenceLines()
        {
            string withJob = HtmlReport.Write(ReportSamples.Resnet(withJob: true));
            Assert.Contains("<line class=\"reference endpoint\"", withJob);
            Assert.Contains(">resnet50-prod 52 ms</text>", withJob);
            Assert.Contains(">resnet50-prod 1,180/min</text>", withJob);
            Assert.Contains(">P95 threshold 100 ms</text>", withJob);
            Assert.Contains("<td class=\"mono\">resnet50-rec-1</td>", withJob);

            string stepsOnly = HtmlReport.Write(ReportSamples.Resnet(withJob: false));
            Assert.Contains(">existing endpoint 52 ms</text>", stepsOnly);
            Assert.Contains(">existing endpoint 1,180/min</text>", stepsOnly);
            Assert.DoesNotContain("reference threshold", stepsOnly);
            Assert.Contains("pipe the job from Get-IRJob as well", stepsOnly);

            var noEndpoint = new ReportCollector();
            noEndpoint.Add(ReportSamples.Step("legacy", "COMPLETED", "ml.c5.xlarge", 1, 0.2, 0.000002, 1000, 40, endpointInvocations: null, endpointLatency: null));
            Assert.DoesNotContain("class=\"reference", HtmlReport.Write(noEndpoint.Jobs));
        }

        [Fact]
        public void AFailedStepShowsItsFailureReasonWhereItsMetricsWouldBe()
        {
            string html = HtmlReport.Write(ReportSamples.Resnet());
            Assert.Matches("<tr class=\"step failed\" data-step=\"7\">.*<td class=\"reason\" colspan=\"9\"><strong>Failure reason:</strong> Benchmark failed: endpoint sm-epc-nightly-resnet50-0007", html);
            Assert.Equal(13, CountOf(Regex.Match(html, "<table class=\"steps sortable\">.*?</thead>", RegexOptions.Singleline).Value, "<th "));
            Assert.Equal(4 + 9, CountOf(Regex.Match(html, "<tr class=\"step completed\" data-step=\"1\">.*?</tr>").Value, "<td"));
        }

        [Fact]
        public void ValuesFromTheInputAreText()
        {
            const string hostile = "<script>document.body.dataset.pwned='1'</script>\"'&amp;<img src=x onerror=alert(1)>";
            var collector = new ReportCollector();
            InferenceRecommendationsJobStep failed = ReportSamples.Step(hostile, "FAILED", "<b>ml</b>", 1, null, null, null, null, failureReason: hostile);
            InferenceRecommendationsJobStep completed = ReportSamples.Step(hostile, "COMPLETED\"><script>x</script>", "ml.c5.xlarge\"<svg onload=alert(1)>", 1, 0.2, 0.000002, 100, 30);
            collector.Add(failed);
            collector.Add(completed);
            collector.Add(new DescribeInferenceRecommendationsJobResponse { JobName = hostile, Status = hostile, FailureReason = hostile, JobDescription = hostile });
            string html = HtmlReport.Write(collector.Jobs, hostile);

            Assert.Equal(1, CountOf(html, "<script"));   // the sorting script, and no other
            Assert.Equal(0, CountOf(html, "<img"));
            Assert.Equal(0, CountOf(html, "<b>"));
            Assert.Equal(0, CountOf(html, "<svg onload"));
            Assert.DoesNotContain("onerror=alert(1)>", html);
            Assert.Contains("&lt;script&gt;document.body.dataset.pwned=&#39;1&#39;&lt;/script&gt;&quot;&#39;&amp;amp;&lt;img src=x onerror=alert(1)&gt;", html);
            Assert.Contains("<tr class=\"step completed___script_x__script_\"", html);   // a status as a class name: letters and underscores only
        }

        [Fact]
        public void ThePolicyAllowsExactlyTheInlineStyleAndScript()
        {
            string html = HtmlReport.Write(ReportSamples.Resnet());
            string policy = Regex.Match(html, "<meta http-equiv=\"Content-Security-Policy\" content=\"([^\"]+)\">").Groups[1].Value;
            Assert.StartsWith("default-src 'none';", policy);
            string style = Regex.Match(html, "<style>(.*?)</style>", RegexOptions.Singleline).Groups[1].Value;
            string script = Regex.Match(html, "<script>(.*?)</script>", RegexOptions.Singleline).Groups[1].Value;
            Assert.Contains("style-src '" + Sha256(style) + "'", policy);
            Assert.Contains("script-src '" + Sha256(script) + "'", policy);
            Assert.True(html.IndexOf("Content-Security-Policy", StringComparison.Ordinal) < html.IndexOf("<style>", StringComparison.Ordinal), "the policy comes before anything it governs");

            // Nothing anywhere refers to another document: links are to the page's own sections.
            Assert.DoesNotMatch("(src|href|action|poster|srcset|xlink:href)\\s*=\\s*\"(?!#)", html);
            Assert.DoesNotMatch("url\\(|@import|https?:", style);
        }

        private static string Sha256(string text)
        {
            using (SHA256 sha = SHA256.Create()) return "sha256-" + Convert.ToBase64String(sha.ComputeHash(Encoding.UTF8.GetBytes(text)));
        }

        [Fact]
        public void JobsComeInTheOrderTheirNamesFirstCame()
        {
            var collector = new ReportCollector();
            List<InferenceRecommendationsJobStep> a = ReportSamples.ResnetSteps("job-a");
            List<InferenceRecommendationsJobStep> b = ReportSamples.ResnetSteps("job-b");
            collector.Add(b[0]);
            collector.Add(a[0]);
            collector.Add(b[1]);
            collector.Add(new InferenceRecommendationsJob { JobName = "job-a", Status = "COMPLETED" });
            collector.Add(ReportSamples.ResnetJob("job-a"));
            collector.Add(new InferenceRecommendationsJob { JobName = "job-c", Status = "FAILED", FailureReason = "no capacity" });

            Assert.Equal(new[] { "job-b", "job-a", "job-c" }, collector.Jobs.Select(j => j.JobName));
            Assert.Equal(2, collector.Jobs[0].Steps.Count);
            Assert.NotNull(collector.Jobs[1].Description);
            Assert.Equal(3, collector.StepCount);

            string html = HtmlReport.Write(collector.Jobs);
            Assert.Contains("<title>Inference Recommender report: 3 jobs</title>", html);
            Assert.Contains("<li><a href=\"#job-3\">job-c</a> <span class=\"status failed\">FAILED</span></li>", html);
            Assert.Contains("<strong>Failure reason:</strong> no capacity", Section(html, 3));
            Assert.DoesNotContain("<h3", Section(html, 3));   // a listed job with no steps: its facts, no tables
            Assert.Contains("resnet50-rec-1", Section(html, 2));
        }

        [Fact]
        public void NothingGivenIsSaid()
        {
            string html = HtmlReport.Write(new List<ReportJob>());
            Assert.Contains("No steps or jobs were given.", html);
            Assert.Contains("<title>Inference Recommender report</title>", html);
        }

        [Fact]
        public void RepeatedConfigurationsAreToldApartByStepNumber()
        {
            var collector = new ReportCollector();
            collector.Add(ReportSamples.Step("j", "COMPLETED", "ml.c5.xlarge", 1, 0.2, 0.000002, 1000, 40));
            collector.Add(ReportSamples.Step("j", "COMPLETED", "ml.c5.xlarge", 1, 0.2, 0.000003, 1200, 30));
            string html = HtmlReport.Write(collector.Jobs);
            Assert.Contains(">ml.c5.xlarge x1 #1</text>", html);
            Assert.Contains(">ml.c5.xlarge x1 #2</text>", html);
        }

        [Fact]
        public void ACompletedStepWithoutCostIsNamedUnderTheChart()
        {
            var collector = new ReportCollector();
            collector.Add(ReportSamples.Step("j", "COMPLETED", "ml.c5.xlarge", 1, 0.2, 0.000002, 1000, 40));
            collector.Add(ReportSamples.Step("j", "COMPLETED", "ml.m5.large", 1, 0.2, null, 900, 50));
            string html = HtmlReport.Write(collector.Jobs);
            Assert.Equal(1, CountOf(html, "<circle class=\"point[ \"]"));
            Assert.Contains("Not in the chart, for want of a cost per inference or a latency: #2 ml.m5.large x1.", html);
        }

        [Fact]
        public void LabelsNeverOverlapAndStayInThePlot()
        {
            // 60 steps spread over two decades of cost and one of latency, many close together.
            var random = new Random(18);
            var collector = new ReportCollector();
            string[] types = { "ml.c5.xlarge", "ml.m5.large", "ml.g4dn.xlarge", "ml.inf1.xlarge", "ml.c6i.2xlarge", "ml.r5.large" };
            for (int i = 0; i < 60; i++)
            {
                collector.Add(ReportSamples.Step("dense", "COMPLETED", types[i % types.Length], 1 + i % 3, 0.3,
                    Math.Pow(10, -6.5 + random.NextDouble() * 2), 300 + random.Next(5000), 10 + random.Next(140)));
            }

            string html = HtmlReport.Write(collector.Jobs);
            string scatter = Regex.Match(html, "<svg class=\"chart scatter\".*?</svg>", RegexOptions.Singleline).Value;
            var boxes = Regex.Matches(scatter, "<text class=\"label[^\"]*\" data-step=\"\\d+\" x=\"([\\d.]+)\" y=\"([\\d.]+)\">([^<]+)</text>").Cast<Match>()
                .Select(m => new Box(double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), double.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture) - 10,
                    m.Groups[3].Value.Length * 11 * ScatterChart.MonospaceAdvance, 13))
                .ToList();
            int leftOut = int.Parse(Regex.Match(html, "(\\d+) labels were left out").Groups[1].Value, CultureInfo.InvariantCulture);
            Assert.Equal(60, boxes.Count + leftOut);
            Assert.True(boxes.Count >= 12, "a dense chart still names a good part of its points, named " + boxes.Count);
            for (int i = 0; i < boxes.Count; i++)
            {
                Assert.True(boxes[i].X >= 72 && boxes[i].Right <= ScatterChart.Width - 24, "label inside the plot");
                for (int j = i + 1; j < boxes.Count; j++) Assert.False(boxes[i].Overlaps(boxes[j], 0), "labels " + i + " and " + j + " overlap");
            }

            Assert.Equal(60, CountOf(html, "<circle class=\"point[ \"]"));
        }
    }

    public class CrowdedReportTests
    {
        [Fact]
        public void ACrowdedChartLabelsOnlyItsParetoFront()
        {
            var random = new Random(400);
            var collector = new ReportCollector();
            for (int i = 0; i < ScatterChart.MostPointsAllLabelled + 100; i++)
            {
                collector.Add(ReportSamples.Step("crowded", "COMPLETED", "ml.c5.xlarge", 1 + i, 0.3, Math.Pow(10, -6.5 + random.NextDouble() * 3), 300 + random.Next(5000), 5 + random.Next(500)));
            }

            string html = HtmlReport.Write(collector.Jobs);
            int front = Regex.Matches(html, "<circle class=\"point front\"").Count;
            int labelled = Regex.Matches(html, "<text class=\"label[^\"]*\" data-step").Count;
            int frontLabelled = Regex.Matches(html, "<text class=\"label front\" data-step").Count;
            Assert.Equal(ScatterChart.MostPointsAllLabelled + 100, Regex.Matches(html, "<circle class=\"point[ \"]").Count);
            Assert.True(front >= 2, "the sample has a front of several points");
            Assert.Equal(labelled, frontLabelled);
            Assert.True(labelled >= 1 && labelled <= front);
            Assert.Contains("With so many points, only the Pareto front is labelled.", html);
        }
    }

    public class ReportPartsTests
    {
        [Fact]
        public void ParetoFrontKeepsTiesAndDropsTheDominated()
        {
            var points = new List<(double, double)> { (10, 5), (20, 2), (20, 2), (15, 5), (30, 1), (30, 3), (10, 6), (40, 1) };
            Assert.Equal(new[] { 0, 1, 2, 4 }, ParetoFront.Of(points));
            Assert.Equal(new[] { 0 }, ParetoFront.Of(new List<(double, double)> { (1, 1) }));
            Assert.Empty(ParetoFront.Of(new List<(double, double)>()));
        }

        [Fact]
        public void AnAxisIsLogarithmicWhenItsValuesSpanTenfold()
        {
            Scale cost = Scale.For(new[] { 1.13, 2.34, 16.7 });
            Assert.True(cost.IsLogarithmic);
            Assert.Equal(new[] { 1.0, 2, 5, 10, 20 }, cost.Ticks);

            Scale latency = Scale.For(new[] { 12.0, 88, 100 });
            Assert.False(latency.IsLogarithmic);
            Assert.Equal(0, latency.Min);
            Assert.Equal(100, latency.Max);
            Assert.Equal(new[] { 0.0, 20, 40, 60, 80, 100 }, latency.Ticks);

            Scale narrow = Scale.For(new[] { 2.74, 3.33 });
            Assert.False(narrow.IsLogarithmic);
            Assert.True(narrow.Min <= 2.74 && narrow.Min > 2, "a narrow range does not start at 0");
            Assert.True(narrow.Max >= 3.33);

            Scale wide = Scale.For(new[] { 0.0004, 20 });
            Assert.True(wide.IsLogarithmic);
            Assert.All(wide.Ticks, t => Assert.Equal(Math.Pow(10, Math.Round(Math.Log10(t))), t, 12));

            Scale withZero = Scale.For(new[] { 0.0, 5, 100 });
            Assert.False(withZero.IsLogarithmic);
        }

        [Fact]
        public void AReportFileIsReplacedOnlyWhenAsked()
        {
            string folder = Path.Combine(Path.GetTempPath(), "irsteps-report-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(folder);
            try
            {
                string path = Path.Combine(folder, "r.html");
                ReportFile.Write(path, "one", overwrite: false);
                var exists = Assert.Throws<IRStepsReportException>(() => ReportFile.Write(path, "two", overwrite: false));
                Assert.Equal(ErrorIds.ReportExists, exists.ErrorId);
                Assert.Contains("-Force", exists.Message);
                Assert.Equal("one", File.ReadAllText(path));

                ReportFile.Write(path, "three", overwrite: true);
                Assert.Equal("three", File.ReadAllText(path));
                Assert.Equal(5, File.ReadAllBytes(path).Length);   // UTF-8, no byte order mark

                var noFolder = Assert.Throws<IRStepsReportException>(() => ReportFile.Write(Path.Combine(folder, "missing", "r.html"), "x", overwrite: true));
                Assert.Equal(ErrorIds.ReportNotWritable, noFolder.ErrorId);
                Assert.Contains("does not exist", noFolder.Message);

                var isFolder = Assert.Throws<IRStepsReportException>(() => ReportFile.Write(folder, "x", overwrite: true));
                Assert.Equal(ErrorIds.ReportNotWritable, isFolder.ErrorId);
                Assert.Contains("it is a folder", isFolder.Message);
            }
            finally
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }
}
