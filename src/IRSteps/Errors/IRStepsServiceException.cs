using System;

namespace IRSteps.Errors
{
    /// <summary>
    /// A failed call to SageMaker, translated from whatever the SDK threw so that the module
    /// assembly never needs an AWS type. The message never holds a credential.
    /// </summary>
    public sealed class IRStepsServiceException : Exception
    {
        public IRStepsServiceException(ServiceErrorKind kind, string message, string? errorCode = null, string? requestId = null, int statusCode = 0, Exception? innerException = null)
            : base(message, innerException)
        {
            Kind = kind;
            ErrorCode = errorCode;
            RequestId = requestId;
            StatusCode = statusCode;
        }

        public ServiceErrorKind Kind { get; }

        /// <summary>The service's error code (the text after '#' in __type), when it sent one.</summary>
        public string? ErrorCode { get; }

        public string? RequestId { get; }

        /// <summary>The HTTP status, 0 when no answer came.</summary>
        public int StatusCode { get; }

        /// <summary>The operation that failed, set by the client.</summary>
        public string? Operation { get; set; }
    }
}
