using System;

namespace IRSteps.Errors
{
    /// <summary>
    /// A job that did not end the way the command waited for: it FAILED (ErrorId JobFailed, with the service's
    /// FailureReason) or it was still running when the wait's time ran out (ErrorId OperationTimeout).
    /// </summary>
    public sealed class IRStepsJobException : Exception
    {
        public IRStepsJobException(string errorId, string? jobName, string? status, string? failureReason, string message)
            : base(message)
        {
            ErrorId = errorId;
            JobName = jobName;
            Status = status;
            FailureReason = failureReason;
        }

        /// <summary>One of <see cref="ErrorIds"/>.</summary>
        public string ErrorId { get; }

        public string? JobName { get; }

        /// <summary>The job's last known status.</summary>
        public string? Status { get; }

        /// <summary>The service's reason for a FAILED job; null otherwise.</summary>
        public string? FailureReason { get; }
    }
}
