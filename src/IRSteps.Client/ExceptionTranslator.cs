using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml;
using Amazon.Runtime;
using Amazon.Runtime.Internal;
using IRSteps.Client.SageMaker;
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

        /// <summary>The call's deadline (-TimeoutSec) passed, whatever the SDK was doing at the time.</summary>
        public IRStepsServiceException TimedOut(Exception exception, string operation, string subject, TimeSpan timeout)
        {
            return new IRStepsServiceException(ServiceErrorKind.Timeout,
                Scrub(operation + " for " + subject + " got no answer from " + endpointDescription + " within " + Seconds(timeout) +
                      " (-TimeoutSec), retries included, so it was abandoned. Check the network, the proxy and the endpoint, " +
                      "or allow more time with -TimeoutSec."),
                innerException: exception)
            {
                Operation = operation,
            };
        }

        /// <summary>One line for -Verbose about a retry the SDK is making.</summary>
        public string DescribeRetry(RetryReport report, string operation, string subject)
        {
            string reason = Describe(report.PreviousError);
            if (!report.CountsAgainstLimit)
            {
                return Scrub(operation + " for " + subject + ": " + reason + "; sending it again at once on a new connection " +
                             "(attempt " + report.Attempt + "; the SDK does not count this against the " + report.MaxRetries + " retries).");
            }

            return Scrub(operation + " for " + subject + ": retry " + report.Retry + " of " + report.MaxRetries + " after " + reason +
                         ", backed off " + (long)report.Waited.TotalMilliseconds + " ms (attempt " + report.Attempt + ").");
        }

        private IRStepsServiceException Classify(Exception exception, string operation, string subject)
        {
            switch (exception)
            {
                case IRStepsServiceException already:
                    return already;

                case AmazonServiceException cut when BrokenConnection(cut) != null:
                    return Broken(operation, subject, BrokenConnection(cut)!, cut);

                case AmazonUnmarshallingException unreadable:
                    return Malformed(operation, subject, (int)unreadable.StatusCode, unreadable.RequestId, null, unreadable);

                case AmazonServiceException service when service.ErrorCode == null && IsParseFailure(service.InnerException):
                    return Malformed(operation, subject, (int)service.StatusCode, service.RequestId, ContentTypeOf(service), service);

                case AmazonServiceException service:
                    return FromService(service, operation, subject);

                case OperationCanceledException _:
                case TimeoutException _:
                    return new IRStepsServiceException(ServiceErrorKind.Timeout,
                        Scrub(operation + " for " + subject + " got no answer from " + endpointDescription + " in time. " +
                              "Check the network, the proxy and the endpoint, or allow more time with -TimeoutSec."),
                        innerException: exception);

                case HttpRequestException _:
                case IOException _:
                case WebException _:
                case System.Net.Sockets.SocketException _:
                    return Broken(operation, subject, exception, exception);

                case AmazonClientException client:
                    return new IRStepsServiceException(ServiceErrorKind.Authentication,
                        Scrub(operation + " for " + subject + " could not be sent: " + client.Message),
                        innerException: exception);

                default:
                    if (IsParseFailure(exception)) return Malformed(operation, subject, 0, null, null, exception);
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
            string said = code == null ? NotFromSageMaker(service, status) : service.Message;
            string message;
            switch (kind)
            {
                case ServiceErrorKind.NotFound:
                    message = "SageMaker found no " + subject + ": " + said + detail + ". Check the name and the region (Get-IRJob lists the jobs).";
                    break;
                case ServiceErrorKind.Throttling:
                    message = "SageMaker throttled " + operation + " for " + subject + " and the retries ran out: " + said + detail +
                              ". Wait and run it again, read fewer jobs at once, or allow more attempts (AWS_MAX_ATTEMPTS, AWS_RETRY_MODE=adaptive).";
                    break;
                case ServiceErrorKind.AccessDenied:
                    message = "Access denied to " + operation + " for " + subject + ": " + said + detail +
                              ". The identity in use needs the sagemaker:" + operation + " permission.";
                    break;
                case ServiceErrorKind.Authentication:
                    message = "AWS did not accept the credentials for " + operation + " on " + subject + ": " + said + detail +
                              ". Check the access key and secret key (or session token), that they are not expired, and the machine's clock.";
                    break;
                case ServiceErrorKind.Validation:
                    message = "SageMaker refused " + operation + " for " + subject + ": " + said + detail + ". Correct the parameter it names and run the command again.";
                    break;
                case ServiceErrorKind.ServiceUnavailable:
                case ServiceErrorKind.ServiceFault:
                    message = (code == null ? operation + " for " + subject + " failed" : "SageMaker failed " + operation + " for " + subject) +
                              " and the retries ran out: " + said + detail + ". Run it again later" +
                              (code == null ? "; if it repeats, check the proxy and -EndpointUrl." : ".");
                    break;
                default:
                    message = operation + " for " + subject + " failed: " + said + detail + "." +
                              (code == null ? " Check the proxy and -EndpointUrl." : string.Empty);
                    break;
            }

            return new IRStepsServiceException(kind, Scrub(message), code, service.RequestId, status, service);
        }

        private IRStepsServiceException Broken(string operation, string subject, Exception network, Exception exception)
        {
            return new IRStepsServiceException(ServiceErrorKind.Network,
                Scrub(operation + " for " + subject + " failed: the connection to " + endpointDescription + " broke (" + Innermost(network).Message +
                      ") and the retries ran out, so nothing from that answer was written. Check the network, the proxy and -EndpointUrl, then run the command again."),
                innerException: exception);
        }

        /// <summary>The network failure under an SDK exception (e.g. a body cut off while it was being read), or null.</summary>
        private static Exception? BrokenConnection(Exception exception)
        {
            for (Exception current = exception.InnerException; current != null; current = current.InnerException)
            {
                if (current is IOException || current is HttpRequestException || current is WebException || current is System.Net.Sockets.SocketException)
                {
                    return current;
                }
            }

            return null;
        }

        /// <summary>An error answer without SageMaker's JSON: say what answered instead.</summary>
        private string NotFromSageMaker(AmazonServiceException service, int status)
        {
            string? contentType = ContentTypeOf(service);
            string what = string.IsNullOrEmpty(contentType) ? "an answer" : IsHtml(contentType) ? "an HTML page" : "an answer of type " + contentType;
            return "something other than SageMaker answered at " + endpointDescription + " with HTTP " + status + " and " + what +
                   " (a proxy or gateway?)";
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

            // 502 and 504 come from gateways and proxies when what is behind them does not answer.
            if (status == 502 || status == 503 || status == 504) return ServiceErrorKind.ServiceUnavailable;
            if (status >= 500) return ServiceErrorKind.ServiceFault;
            return ServiceErrorKind.Unknown;
        }

        private IRStepsServiceException Malformed(string operation, string subject, int status, string? requestId, string? contentType, Exception exception)
        {
            string what = contentType != null && IsHtml(contentType) ? " is an HTML page, not SageMaker JSON" : " is not SageMaker JSON";
            return new IRStepsServiceException(ServiceErrorKind.MalformedResponse,
                Scrub("The answer to " + operation + " for " + subject + (status > 0 ? " (HTTP " + status + ")" : string.Empty) + what +
                      ", so nothing from it was written. Something other than SageMaker may be answering at " +
                      endpointDescription + " (a proxy?), or the answer was cut short. Run the command again; check -EndpointUrl and the proxy if it repeats."),
                requestId: requestId, statusCode: status, innerException: exception);
        }

        /// <summary>A short account of an attempt's failure for -Verbose: the service's code and request id, or the exception.</summary>
        private static string Describe(Exception? exception)
        {
            switch (exception)
            {
                case null:
                    return "a failure";
                case AmazonServiceException service when BrokenConnection(service) != null:
                    Exception network = Innermost(BrokenConnection(service)!);
                    return "the connection broke during the answer (" + network.GetType().Name + " '" + network.Message + "')";
                case AmazonUnmarshallingException unreadable:
                    return "an answer that is not SageMaker JSON (HTTP " + (int)unreadable.StatusCode +
                           (unreadable.RequestId != null ? ", request id " + unreadable.RequestId : string.Empty) + ")";
                case AmazonServiceException service when service.ErrorCode != null:
                    return service.ErrorCode + " '" + service.Message + "' (HTTP " + (int)service.StatusCode +
                           (service.RequestId != null ? ", request id " + service.RequestId : string.Empty) + ")";
                case AmazonServiceException service:
                    return "HTTP " + (int)service.StatusCode + " without a SageMaker error" + (service.RequestId != null ? " (request id " + service.RequestId + ")" : string.Empty);
                default:
                    Exception innermost = Innermost(exception);
                    return (exception is IOException || exception is HttpRequestException || exception is System.Net.Sockets.SocketException ? "the connection broke (" : "a failure (") +
                           innermost.GetType().Name + " '" + innermost.Message + "')";
            }
        }

        private static string? ContentTypeOf(Exception exception)
        {
            for (Exception current = exception; current != null; current = current.InnerException)
            {
                if (current is HttpErrorResponseException http && http.Response != null)
                {
                    return http.Response.ContentType;
                }
            }

            return null;
        }

        private static bool IsHtml(string? contentType) =>
            contentType != null && contentType.IndexOf("html", StringComparison.OrdinalIgnoreCase) >= 0;

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

        private static string Seconds(TimeSpan timeout) =>
            timeout.TotalSeconds.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture) + " s";

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
