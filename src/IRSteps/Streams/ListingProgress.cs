using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Management.Automation;

namespace IRSteps.Streams
{
    /// <summary>
    /// The progress bars of a command's listings, one per listing (a job's steps; the jobs): hidden for the first
    /// second of a listing (a quick one shows nothing), then "Page N, M steps so far", completed when its last page
    /// arrives or the command ends. Runs on the pipeline thread only: the cmdlet base feeds it the request reports
    /// it flushes (a listing's requests are reported as they start and as they end) and a tick while it waits.
    /// </summary>
    internal sealed class ListingProgress : IDisposable
    {
        /// <summary>How long a listing runs before its progress shows.</summary>
        public static readonly TimeSpan ShowAfter = TimeSpan.FromSeconds(1);

        private static int lastActivityId = 100;

        private readonly Cmdlet cmdlet;
        private readonly Action ended;
        private readonly Dictionary<string, Bar> bars = new Dictionary<string, Bar>(StringComparer.Ordinal);
        private bool disposed;

        public ListingProgress(Cmdlet cmdlet, Action ended)
        {
            this.cmdlet = cmdlet;
            this.ended = ended;
        }

        /// <summary>Counts a listing's request starting or ending.</summary>
        public void Add(RequestReport report)
        {
            if (disposed || !report.Page.HasValue) return;
            string key = report.Operation + "|" + report.Subject;
            if (!bars.TryGetValue(key, out Bar bar))
            {
                if (!report.IsStart) return;
                bar = new Bar(System.Threading.Interlocked.Increment(ref lastActivityId), Activity(report), report.ItemNoun);
                bars.Add(key, bar);
            }

            if (bar.Done) return;
            if (report.IsStart)
            {
                // A page is awaited: the bar's clock runs from its listing's first request.
            }
            else if (report.Succeeded)
            {
                bar.Pages++;
                bar.Items += report.Items ?? 0;
                if (report.IsLastPage)
                {
                    Complete(bar);
                    return;
                }
            }
            else
            {
                // The error tells the rest; the bar goes.
                Complete(bar);
                return;
            }

            Update(bar);
        }

        /// <summary>Called while a page is awaited, so a bar appears after a second even when one page is slow.</summary>
        public void Tick()
        {
            if (disposed) return;
            foreach (Bar bar in bars.Values)
            {
                if (!bar.Done) Update(bar);
            }
        }

        private static string Activity(RequestReport report) =>
            report.Subject == null ? "Reading Inference Recommender " + report.ItemNoun : "Reading the " + report.ItemNoun + " of " + report.Subject;

        private void Update(Bar bar)
        {
            if (!bar.Shown && bar.Clock.Elapsed < ShowAfter) return;
            bar.Shown = true;
            string status = bar.Pages == 0
                ? "Waiting for the first page"
                : string.Format(CultureInfo.CurrentCulture, "Page {0}, {1} {2} so far", bar.Pages, bar.Items, bar.Noun);
            // A new record each time: hosts and the PowerShell API keep the ones they are given.
            cmdlet.WriteProgress(new ProgressRecord(bar.Id, bar.Activity, status) { PercentComplete = -1 });
        }

        private void Complete(Bar bar)
        {
            bar.Done = true;
            if (!bar.Shown) return;
            string summary = string.Format(CultureInfo.CurrentCulture, "{0} pages, {1} {2}", bar.Pages, bar.Items, bar.Noun);
            try
            {
                cmdlet.WriteProgress(new ProgressRecord(bar.Id, bar.Activity, summary) { RecordType = ProgressRecordType.Completed });
            }
            catch (PipelineStoppedException)
            {
                // Ctrl+C or a downstream Select-Object -First ended the pipeline: the host removes the bar itself.
            }
        }

        /// <summary>Completes the bars still shown (a listing that -First, an error or Ctrl+C ended early).</summary>
        public void Dispose()
        {
            if (disposed) return;
            disposed = true;
            ended();
            foreach (Bar bar in bars.Values)
            {
                if (!bar.Done) Complete(bar);
            }
        }

        private sealed class Bar
        {
            public Bar(int id, string activity, string? noun)
            {
                Id = id;
                Activity = activity;
                Noun = noun ?? "items";
            }

            public int Id { get; }
            public string Activity { get; }
            public string Noun { get; }
            public Stopwatch Clock { get; } = Stopwatch.StartNew();
            public int Pages { get; set; }
            public long Items { get; set; }
            public bool Shown { get; set; }
            public bool Done { get; set; }
        }
    }
}
