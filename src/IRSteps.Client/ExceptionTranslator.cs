using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using System.Xml;
using Amazon.Runtime;
using Amazon.Runtime.Internal.Transform;
using IRSteps.Errors;

namespace IRSteps.Client
{
    /// <summary>
    /// Turns whatever the SDK pipeline threw into an IRStepsServiceException with a kind, the service's
    /// code and request id, and a message that names the job and says what to do. Secrets the connection
    /// holds are scrubbed from every message, as is anything shaped like a SigV4 signature.
    /// </summary>
    internal sealed class ExceptionTranslator
    {
        private static readonly Regex SignaturePattern = new Regex("(Signature=)[0-9a-fA-F]{64}", RegexOptions.CultureInvariant);

        private static readonly HashSet<string> ThrottlingCodes = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "ThrottlingException", "Throttling", "ThrottledException", "RequestThrottledException", "TooManyRequestsException",
            "ProvisionedThroughputExceededException", "TransactionInProgressException", "RequestLimitExceeded", "BandwidthLimitExceeded",
            "LimitExceededException", "RequestThrottled", "SlowDown", "PriorRequestNotComplete", "EC2ThrottledException",
        };

        private static readonly HashSet<string> AuthenticationCodes = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "UnrecognizedClientException", "InvalidSignatureException", "IncompleteSignature", "IncompleteSignatureException",
            "MissingAuthenticationToken", "MissingAuthenticationTokenException", "InvalidClientTokenId", "ExpiredToken",
            "ExpiredTokenException", "SignatureDoesNotMatch", "AuthFailure", "RequestExpired", "InvalidAccessKeyId",
        };

        private readonly IReadOnlyList<string> secrets;
        private readonly string endpointDescription;

        public ExceptionTranslator(IReadOnlyList<string> secrets, string endpointDescription)
        {
            this.secrets = secrets;
            this.endpointDescription = endpointDescription;
        }

        public IRStepsServiceException Translate(Exception exception, string operation, string subject)
        {
            IRStepsServiceException translated = Classify(Unwrap(exception), operation, subject);
            translated.Operation = operation;
            return translated;
        }

        private IRStepsServiceException Classify(Exception exception, string operation, string subject)
        {
            switch (exception)
            {
                case IRStepsServiceException already:
                    return already;

                case AmazonUnmarshallingException unreadable:
                    return Malformed(operation, subject, (int)unreadable.StatusCode, unreadable.RequestId, unreadable);

                case AmazonServiceException service when service.ErrorCode == null && IsParseFailure(service.InnerException):
                    return Malformed(operation, subject, (int)service.StatusCode, service.RequestId, service);

                case AmazonServiceException service:
                    return FromService(service, operation, subject);

                case TaskCanceledException _:
                case TimeoutException _:
                    return new IRStepsServiceException(ServiceErrorKind.Timeout,
                        Scrub(operation + " for " + subject + " got no answer from " + endpointDescription + " in time. " +
                              "Check the network and the endpoint, or allow more time with -TimeoutSec."),
                        innerException: exception);

                case HttpRequestException _:
                case IOException _:
                case WebException _:
                case System.Net.Sockets.SocketException _:
                    return new IRStepsServiceException(ServiceErrorKind.Network,
                        Scrub(operation + " for " + subject + " failed: the connection to " + endpointDescription + " broke (" + Innermost(exception).Message +
                              "). Check the network, proxy and -EndpointUrl, then run the command again."),
                        innerException: exception);

                case AmazonClientException client:
                    return new IRStepsServiceException(ServiceErrorKind.Authentication,
                        Scrub(operation + " for " + subject + " could not be sent: " + client.Message),
                        innerException: exception);

                default:
                    if (IsParseFailure(exception)) return Malformed(operation, subject, 0, null, exception);
                    return new IRStepsServiceException(ServiceErrorKind.Unknown,
                        Scrub(operation + " for " + subject + " failed: " + exception.Message), innerException: exception);
            }
        }

        private IRStepsServiceException FromService(AmazonServiceException service, string operation, string subject)
        {
            string code = service.ErrorCode;
            int status = (int)service.StatusCode;
            ServiceErrorKind kind = KindOf(code, status);
            string detail = " (" + (code ?? "no error code") + ", HTTP " + status + (service.RequestId != null ? ", request id " + service.RequestId : string.Empty) + ")";
            string message;
            switch (kind)
            {
                case ServiceErrorKind.NotFound:
                    message = "SageMaker found no " + subject + ": " + service.Message + detail + ". Check the name and the region (Get-IRJob lists the jobs).";
                    break;
                case ServiceErrorKind.Throttling:
                    message = "SageMaker throttled " + operation + " for " + subject + " and the retries ran out: " + service.Message + detail +
                              ". Wait and run it again, read fewer jobs at once, or raise AWS_MAX_ATTEMPTS.";
                    break;
                case ServiceErrorKind.AccessDenied:
                    message = "Access denied to " + operation + " for " + subject + ": " + service.Message + detail +
                              ". The identity in use needs the sagemaker:" + operation + " permission.";
                    break;
                case ServiceErrorKind.Authentication:
                    message = "AWS did not accept the credentials for " + operation + " on " + subject + ": " + service.Message + detail +
                              ". Check the access key and secret key (or session token), that they are not expired, and the machine's clock.";
                    break;
                case ServiceErrorKind.Validation:
                    message = "SageMaker refused " + operation + " for " + subject + ": " + service.Message + detail + ".";
                    break;
                case ServiceErrorKind.ServiceUnavailable:
                case ServiceErrorKind.ServiceFault:
                    message = "SageMaker failed " + operation + " for " + subject + " and the retries ran out: " + service.Message + detail + ". Run it again later.";
                    break;
                default:
                    message = operation + " for " + subject + " failed: " + service.Message + detail + ".";
                    break;
            }

            return new IRStepsServiceException(kind, Scrub(message), code, service.RequestId, status, service);
        }

        internal static ServiceErrorKind KindOf(string code, int status)
        {
            if (code != null)
            {
                if (code == "ResourceNotFound" || code == "ResourceNotFoundException") return ServiceErrorKind.NotFound;
                if (code == "ValidationException" || code == "ValidationError") return ServiceErrorKind.Validation;
                if (ThrottlingCodes.Contains(code)) return ServiceErrorKind.Throttling;
                if (code == "AccessDeniedException" || code == "AccessDenied") return ServiceErrorKind.AccessDenied;
                if (AuthenticationCodes.Contains(code)) return ServiceErrorKind.Authentication;
                if (code == "ServiceUnavailable" || code == "ServiceUnavailableException") return ServiceErrorKind.ServiceUnavailable;
            }

            if (status == 429) return ServiceErrorKind.Throttling;
            if (status == 503) return ServiceErrorKind.ServiceUnavailable;
            if (status >= 500) return ServiceErrorKind.ServiceFault;
            return ServiceErrorKind.Unknown;
        }

        private IRStepsServiceException Malformed(string operation, string subject, int status, string requestId, Exception exception)
        {
            return new IRStepsServiceException(ServiceErrorKind.MalformedResponse,
                Scrub("The answer to " + operation + " for " + subject + (status > 0 ? " (HTTP " + status + ")" : string.Empty) +
                      " is not SageMaker JSON, so nothing from it was written. Something other than SageMaker may be answering at " +
                      endpointDescription + " (a proxy?), or the answer was cut short. Run the command again; check -EndpointUrl and the proxy if it repeats."),
                requestId: requestId, statusCode: status, innerException: exception);
        }

        private static bool IsParseFailure(Exception exception)
        {
            for (Exception current = exception; current != null; current = current.InnerException)
            {
                if (current is JsonException || current is XmlException || current is AmazonUnmarshallingException || current is FormatException || current is InvalidOperationException)
                {
                    return true;
                }
            }

            return false;
        }

        private static Exception Unwrap(Exception exception)
        {
            while (exception is AggregateException aggregate && aggregate.InnerExceptions.Count == 1)
            {
                exception = aggregate.InnerException;
            }

            return exception;
        }

        private static Exception Innermost(Exception exception)
        {
            while (exception.InnerException != null) exception = exception.InnerException;
            return exception;
        }

        internal string Scrub(string text)
        {
            if (string.IsNullOrEmpty(text)) return text;
            foreach (string secret in secrets)
            {
                if (!string.IsNullOrEmpty(secret)) text = text.Replace(secret, "***");
            }

            return SignaturePattern.Replace(text, "$1***");
        }
    }
}
