using System;
using System.Diagnostics.CodeAnalysis;
using System.Management.Automation;
using System.Management.Automation.Host;

namespace IRSteps.Streams
{
    /// <summary>
    /// A progress bar's activity that a console shows whole: a job name, shortened in the middle only when the
    /// console would cut it. PowerShell 7's bars ($PSStyle.Progress.View Minimal) put the activity and the bar on
    /// one line and cut an activity longer than half of it (the console's width, at most
    /// $PSStyle.Progress.MaxWidth), keeping its start: two bars for "...-production-ep-01" and "...-ep-02" would
    /// both read "dynamic-resnet50-nightly-benchmark-aga…". Shortened here, each keeps its start and its end.
    /// The classic view (Windows PowerShell, View Classic) gives the activity a line of its own.
    /// </summary>
    internal static class ProgressActivity
    {
        private const string Ellipsis = "\u2026";

        /// <summary>
        /// How many characters of an activity the host shows, or null when that is not known (a host without a
        /// console: the activity is then left whole).
        /// </summary>
        public static int? Room(PSHost? host, SessionState? sessionState)
        {
            int? width = ConsoleWidth(host);
            if (!width.HasValue) return null;

            // $PSStyle exists in PowerShell 7.2 and later; read through PSObject, as the module compiles against 5.1.
            object? progress = Member(sessionState?.PSVariable.GetValue("PSStyle"), "Progress");
            string? view = Member(progress, "View")?.ToString();
            int maxWidth = Member(progress, "MaxWidth") is int max ? max : 0;
            return Room(width.Value, string.Equals(view, "Minimal", StringComparison.Ordinal), maxWidth);
        }

        /// <summary>The room for an activity on a console <paramref name="width"/> columns wide.</summary>
        public static int Room(int width, bool minimalView, int maxWidth)
        {
            if (!minimalView) return Math.Max(0, width - 3);   // " activity " on a line of its own
            int line = maxWidth > 0 ? Math.Min(width, maxWidth) : width;
            return line / 2;
        }

        /// <summary>
        /// The text whole when it fits <paramref name="room"/>, else its start and its end around an ellipsis,
        /// <paramref name="room"/> characters in all.
        /// </summary>
        [return: NotNullIfNotNull("text")]
        public static string? Fit(string? text, int? room)
        {
            if (text == null || !room.HasValue || text.Length <= room.Value || room.Value < 9) return text;
            int kept = room.Value - Ellipsis.Length;
            int head = kept / 2;
            return text.Substring(0, head) + Ellipsis + text.Substring(text.Length - (kept - head));
        }

        private static int? ConsoleWidth(PSHost? host)
        {
            try
            {
                int width = host?.UI?.RawUI?.BufferSize.Width ?? 0;
                return width > 0 ? width : (int?)null;
            }
            catch (Exception exception) when (!(exception is OutOfMemoryException))
            {
                // A host without a console refuses in its own way: the default host of the PowerShell API throws a
                // HostException ("does not support user interaction"), others NotImplementedException or an IO
                // error. The width only shortens a name: without it the name stays whole.
                return null;
            }
        }

        private static object? Member(object? target, string name)
        {
            if (target == null) return null;
            return PSObject.AsPSObject(target).Properties[name]?.Value;
        }
    }
}
