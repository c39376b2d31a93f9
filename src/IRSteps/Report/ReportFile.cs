#nullable disable // not annotated yet: docs/ARCHITECTURE.md, Habits
using System;
using System.IO;
using System.Text;
using IRSteps.Errors;

namespace IRSteps.Report
{
    /// <summary>
    /// Where a report goes: a file that is replaced only when asked to, in a folder that must exist. Failures are
    /// <see cref="IRStepsReportException"/>s that say which path and why.
    /// </summary>
    public static class ReportFile
    {
        private static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

        /// <summary>
        /// Checks a target before any input is read, so that a command that cannot write stops at once:
        /// the folder exists, the path is not a folder, and an existing file is replaced only with overwrite.
        /// </summary>
        public static void Check(string path, bool overwrite)
        {
            if (Directory.Exists(path)) throw NotWritable(path, "it is a folder.");
            string folder = Path.GetDirectoryName(path);
            if (!string.IsNullOrEmpty(folder) && !Directory.Exists(folder)) throw NotWritable(path, "the folder " + folder + " does not exist.");
            if (!overwrite && File.Exists(path)) throw Exists(path);
        }

        /// <summary>Writes the report as UTF-8 (no byte order mark): a new file, or the old one replaced with overwrite.</summary>
        public static void Write(string path, string html, bool overwrite)
        {
            Check(path, overwrite);
            byte[] bytes = Utf8.GetBytes(html);
            try
            {
                using (var stream = new FileStream(path, overwrite ? FileMode.Create : FileMode.CreateNew, FileAccess.Write, FileShare.Read))
                {
                    stream.Write(bytes, 0, bytes.Length);
                }
            }
            catch (IOException) when (!overwrite && File.Exists(path))
            {
                throw Exists(path);
            }
            catch (Exception exception) when (exception is IOException || exception is UnauthorizedAccessException || exception is NotSupportedException || exception is ArgumentException)
            {
                throw NotWritable(path, exception.Message, exception);
            }
        }

        private static IRStepsReportException Exists(string path) =>
            new IRStepsReportException(ErrorIds.ReportExists, path,
                "The file " + path + " exists. Use -Force to replace it, or give another -Path.");

        private static IRStepsReportException NotWritable(string path, string reason, Exception inner = null) =>
            new IRStepsReportException(ErrorIds.ReportNotWritable, path, "Cannot write the report to " + path + ": " + reason, inner);
    }
}
