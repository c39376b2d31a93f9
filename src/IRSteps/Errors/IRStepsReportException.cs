using System;

namespace IRSteps.Errors
{
    /// <summary>
    /// A report that cannot be written where it was asked for: the file exists and -Force was not given
    /// (ErrorId ReportExists), or the path cannot be written (ReportNotWritable).
    /// </summary>
    public sealed class IRStepsReportException : Exception
    {
        public IRStepsReportException(string errorId, string path, string message, Exception? innerException = null)
            : base(message, innerException)
        {
            ErrorId = errorId;
            Path = path;
        }

        /// <summary>One of <see cref="ErrorIds"/>.</summary>
        public string ErrorId { get; }

        /// <summary>The full path of the report file.</summary>
        public string Path { get; }
    }
}
