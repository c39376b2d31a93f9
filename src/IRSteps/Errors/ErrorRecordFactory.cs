using System;
using System.Management.Automation;

namespace IRSteps.Errors
{
    /// <summary>Turns the core's exceptions into ErrorRecords with a stable id, a category and the target.</summary>
    internal static class ErrorRecordFactory
    {
        public static ErrorRecord FromException(Exception exception, object? target)
        {
            switch (exception)
            {
                case IRStepsServiceException service:
                    return FromServiceException(service, target);
                case IRStepsConfigurationException configuration:
                    return new ErrorRecord(configuration, configuration.ErrorId, CategoryOf(configuration.ErrorId), target)
                    {
                        ErrorDetails = new ErrorDetails(configuration.Message),
                    };
                case IRStepsReportException report:
                    return new ErrorRecord(report, report.ErrorId, CategoryOf(report.ErrorId), target)
                    {
                        ErrorDetails = new ErrorDetails(report.Message),
                    };
                case IRStepsJobException job:
                    return new ErrorRecord(job, job.ErrorId, CategoryOf(job.ErrorId), target)
                    {
                        ErrorDetails = new ErrorDetails(job.Message),
                    };
                default:
                    return new ErrorRecord(exception, ErrorIds.ServiceError, ErrorCategory.NotSpecified, target);
            }
        }

        public static ErrorRecord InvalidArgument(string errorId, string message, object? target)
        {
            return new ErrorRecord(new ArgumentException(message), errorId, ErrorCategory.InvalidArgument, target);
        }

        /// <summary>An object a command cannot take from the pipeline, with the category its id has.</summary>
        public static ErrorRecord InvalidInput(string errorId, string message, object? target)
        {
            return new ErrorRecord(new ArgumentException(message), errorId, CategoryOf(errorId), target);
        }

        private static ErrorRecord FromServiceException(IRStepsServiceException exception, object? target)
        {
            var (id, category) = Classify(exception.Kind);
            var record = new ErrorRecord(exception, id, category, target);
            record.ErrorDetails = new ErrorDetails(exception.Message);
            if (exception.RequestId != null)
            {
                record.ErrorDetails.RecommendedAction = "Request id " + exception.RequestId + " identifies the call to AWS Support.";
            }
            return record;
        }

        internal static (string ErrorId, ErrorCategory Category) Classify(ServiceErrorKind kind)
        {
            switch (kind)
            {
                case ServiceErrorKind.NotFound: return (ErrorIds.JobNotFound, ErrorCategory.ObjectNotFound);
                case ServiceErrorKind.Validation: return (ErrorIds.ServiceValidation, ErrorCategory.InvalidArgument);
                case ServiceErrorKind.Throttling: return (ErrorIds.Throttled, ErrorCategory.LimitsExceeded);
                case ServiceErrorKind.AccessDenied: return (ErrorIds.AccessDenied, ErrorCategory.PermissionDenied);
                case ServiceErrorKind.Authentication: return (ErrorIds.AuthenticationFailed, ErrorCategory.AuthenticationError);
                case ServiceErrorKind.ServiceUnavailable: return (ErrorIds.ServiceUnavailable, ErrorCategory.ResourceUnavailable);
                case ServiceErrorKind.MalformedResponse: return (ErrorIds.MalformedResponse, ErrorCategory.InvalidResult);
                case ServiceErrorKind.Timeout: return (ErrorIds.RequestTimeout, ErrorCategory.OperationTimeout);
                case ServiceErrorKind.Network: return (ErrorIds.NetworkError, ErrorCategory.ConnectionError);
                case ServiceErrorKind.RepeatedToken: return (ErrorIds.RepeatedNextToken, ErrorCategory.InvalidResult);
                case ServiceErrorKind.ServiceFault: return (ErrorIds.ServiceError, ErrorCategory.InvalidOperation);
                default: return (ErrorIds.ServiceError, ErrorCategory.NotSpecified);
            }
        }

        private static ErrorCategory CategoryOf(string errorId)
        {
            switch (errorId)
            {
                case ErrorIds.NoCredentials:
                case ErrorIds.InvalidCredentials: return ErrorCategory.AuthenticationError;
                case ErrorIds.ProfileNotFound: return ErrorCategory.ObjectNotFound;
                case ErrorIds.NoRegion:
                case ErrorIds.InvalidRegion:
                case ErrorIds.InvalidEndpoint: return ErrorCategory.InvalidArgument;
                case ErrorIds.ModuleLoadFailed:
                case ErrorIds.EmulatorStartFailed: return ErrorCategory.ResourceUnavailable;
                case ErrorIds.EmulatorStopped: return ErrorCategory.InvalidOperation;
                case ErrorIds.JobFailed: return ErrorCategory.InvalidResult;
                case ErrorIds.OperationTimeout: return ErrorCategory.OperationTimeout;
                case ErrorIds.ReportExists: return ErrorCategory.ResourceExists;
                case ErrorIds.ReportNotWritable: return ErrorCategory.WriteError;
                case ErrorIds.InvalidReportInput: return ErrorCategory.InvalidType;
                default: return ErrorCategory.NotSpecified;
            }
        }
    }
}
