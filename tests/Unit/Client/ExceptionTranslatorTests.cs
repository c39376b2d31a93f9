using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading.Tasks;
using Amazon.Runtime;
using Amazon.Runtime.EventStreams;
using Amazon.Runtime.Internal;
using Amazon.Runtime.Internal.Transform;
using IRSteps.Client;
using IRSteps.Client.SageMaker;
using IRSteps.Client.SageMaker.Operations;
using IRSteps.Errors;
using Xunit;

namespace IRSteps.Tests
{
    /// <summary>What the translator makes of what the SDK pipeline throws: the kind (hence the ErrorId), and a message
    /// that names the job, carries the request id, says what to do and never holds a secret.</summary>
    public class ExceptionTranslatorTests
    {
        private const string Operation = "ListInferenceRecommendationsJobSteps";
        private const string Subject = "job 'nightly-1'";
        private const string Secret = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
        private const string Token = "IQoJb3JpZ2luX2VjEXAMPLETOKEN/+=";

        private static readonly ExceptionTranslator Translator = new ExceptionTranslator(new[] { Secret, Token }, "http://127.0.0.1:5000");

        private static IRStepsServiceException Translate(Exception exception) => Translator.Translate(exception, Operation, Subject);

        private static SageMakerServiceException Service(string code, HttpStatusCode status, string message = "the service said so", string requestId = "req-7", Exception inner = null) =>
            new SageMakerServiceException(message, inner, ErrorType.Sender, code, requestId, status);

        [Theory]
        [InlineData("ThrottlingException", 400, ServiceErrorKind.Throttling)]
        [InlineData("TooManyRequestsException", 400, ServiceErrorKind.Throttling)]
        [InlineData(null, 429, ServiceErrorKind.Throttling)]
        [InlineData("ResourceNotFound", 400, ServiceErrorKind.NotFound)]
        [InlineData("ValidationException", 400, ServiceErrorKind.Validation)]
        [InlineData("AccessDeniedException", 400, ServiceErrorKind.AccessDenied)]
        [InlineData("InvalidSignatureException", 400, ServiceErrorKind.Authentication)]
        [InlineData("UnrecognizedClientException", 400, ServiceErrorKind.Authentication)]
        [InlineData("ExpiredTokenException", 400, ServiceErrorKind.Authentication)]
        [InlineData("ServiceUnavailable", 503, ServiceErrorKind.ServiceUnavailable)]
        [InlineData(null, 502, ServiceErrorKind.ServiceUnavailable)]
        [InlineData(null, 504, ServiceErrorKind.ServiceUnavailable)]
        [InlineData("InternalFailure", 500, ServiceErrorKind.ServiceFault)]
        [InlineData("SomethingNew", 400, ServiceErrorKind.Unknown)]
        public void Service_errors_are_classified_by_code_then_status(string code, int status, ServiceErrorKind kind)
        {
            IRStepsServiceException translated = Translate(Service(code, (HttpStatusCode)status));

            Assert.Equal(kind, translated.Kind);
            Assert.Equal(code, translated.ErrorCode);
            Assert.Equal(status, translated.StatusCode);
            Assert.Equal("req-7", translated.RequestId);
            Assert.Equal(Operation, translated.Operation);
            Assert.Contains(Subject, translated.Message);
        }

        [Fact]
        public void Throttling_that_outlasts_the_retries_names_the_job_the_request_id_and_what_to_do()
        {
            IRStepsServiceException translated = Translate(Service("ThrottlingException", HttpStatusCode.BadRequest, "Rate exceeded", "9f1c-req"));

            Assert.Equal(ServiceErrorKind.Throttling, translated.Kind);
            Assert.Contains("throttled ListInferenceRecommendationsJobSteps for job 'nightly-1'", translated.Message);
            Assert.Contains("request id 9f1c-req", translated.Message);
            Assert.Contains("AWS_MAX_ATTEMPTS", translated.Message);
        }

        [Fact]
        public void An_HTML_error_page_is_said_to_come_from_something_other_than_SageMaker()
        {
            var page = new HttpErrorResponseException(new HtmlResponse(HttpStatusCode.BadGateway));
            IRStepsServiceException translated = Translate(Service(null, HttpStatusCode.BadGateway, "The service returned an error.", "req-502", page));

            Assert.Equal(ServiceErrorKind.ServiceUnavailable, translated.Kind);
            Assert.Contains("something other than SageMaker answered at http://127.0.0.1:5000 with HTTP 502 and an HTML page", translated.Message);
            Assert.Contains("proxy", translated.Message);
            Assert.Contains("request id req-502", translated.Message);
        }

        [Fact]
        public void An_answer_that_does_not_parse_is_MalformedResponse_saying_nothing_was_written()
        {
            var unreadable = new AmazonUnmarshallingException("req-bad", "/Steps", new System.Text.Json.JsonException("cut"), HttpStatusCode.OK);

            IRStepsServiceException translated = Translate(unreadable);

            Assert.Equal(ServiceErrorKind.MalformedResponse, translated.Kind);
            Assert.Equal("req-bad", translated.RequestId);
            Assert.Contains("for job 'nightly-1' (HTTP 200) is not SageMaker JSON, so nothing from it was written", translated.Message);
        }

        [Fact]
        public void A_body_cut_off_by_the_network_is_a_NetworkError_not_a_parse_error()
        {
            var reset = new IOException("Unable to read data from the transport connection: Connection reset by peer.", new SocketException((int)SocketError.ConnectionReset));
            var cut = new AmazonUnmarshallingException("req-cut", "/Steps", reset, HttpStatusCode.OK);

            IRStepsServiceException translated = Translate(cut);

            Assert.Equal(ServiceErrorKind.Network, translated.Kind);
            Assert.Contains("broke (Connection reset by peer)", translated.Message);
            Assert.Contains("nothing from that answer was written", translated.Message);
        }

        [Theory]
        [MemberData(nameof(NetworkFailures))]
        public void Connection_failures_are_NetworkError(Exception failure)
        {
            Assert.Equal(ServiceErrorKind.Network, Translate(failure).Kind);
        }

        public static IEnumerable<object[]> NetworkFailures()
        {
            yield return new object[] { new HttpRequestException("Connection refused (127.0.0.1:1)", new SocketException((int)SocketError.ConnectionRefused)) };
            yield return new object[] { new IOException("The response ended prematurely.") };
            yield return new object[] { new SocketException((int)SocketError.HostNotFound) };
            yield return new object[] { new AggregateException(new IOException("one inner failure is unwrapped")) };
        }

        [Fact]
        public void A_timeout_of_the_SDK_or_of_the_call_deadline_is_RequestTimeout_pointing_at_TimeoutSec()
        {
            Assert.Equal(ServiceErrorKind.Timeout, Translate(new TimeoutException("The operation has timed out.")).Kind);
            Assert.Equal(ServiceErrorKind.Timeout, Translate(new TaskCanceledException("HttpClient.Timeout")).Kind);

            IRStepsServiceException deadline = Translator.TimedOut(new TaskCanceledException(), Operation, Subject, TimeSpan.FromSeconds(2.5));

            Assert.Equal(ServiceErrorKind.Timeout, deadline.Kind);
            Assert.Equal(Operation, deadline.Operation);
            Assert.Contains("job 'nightly-1' got no answer from http://127.0.0.1:5000 within 2.5 s (-TimeoutSec), retries included", deadline.Message);
        }

        [Fact]
        public void Secrets_and_signatures_in_anything_the_SDK_says_are_scrubbed()
        {
            string signature = new string('a', 32) + new string('0', 32);
            var leaky = Service("ValidationException", HttpStatusCode.BadRequest,
                "Credential=AKIDEXAMPLE/20240101/us-east-1/sagemaker/aws4_request, Signature=" + signature + " secret " + Secret + " token " + Token);

            IRStepsServiceException translated = Translate(leaky);

            Assert.DoesNotContain(Secret, translated.Message);
            Assert.DoesNotContain(Token, translated.Message);
            Assert.DoesNotContain(signature, translated.Message);
            Assert.Contains("Signature=***", translated.Message);

            Assert.DoesNotContain(Secret, Translate(new HttpRequestException("proxy said " + Secret)).Message);
            Assert.DoesNotContain(Token, Translator.DescribeRetry(new RetryReport(2, 1, 2, true, new IOException(Token), TimeSpan.Zero), Operation, Subject));
        }

        [Fact]
        public void A_translated_exception_passes_through_unchanged()
        {
            var already = new IRStepsServiceException(ServiceErrorKind.RepeatedToken, "repeated");
            Assert.Same(already, Translate(already));
        }

        [Fact]
        public void Retries_are_described_with_the_reason_the_request_id_and_the_back_off()
        {
            string counted = Translator.DescribeRetry(
                new RetryReport(2, 1, 2, true, Service("ThrottlingException", HttpStatusCode.BadRequest, "Rate exceeded", "req-r1"), TimeSpan.FromMilliseconds(412)),
                Operation, Subject);
            string resent = Translator.DescribeRetry(
                new RetryReport(2, 0, 2, false, new IOException("The response ended prematurely."), TimeSpan.Zero), Operation, Subject);

            Assert.Equal("ListInferenceRecommendationsJobSteps for job 'nightly-1': retry 1 of 2 after ThrottlingException 'Rate exceeded' (HTTP 400, request id req-r1), backed off 412 ms (attempt 2).", counted);
            Assert.Contains("the connection broke", resent);
            Assert.Contains("sending it again at once on a new connection (attempt 2; the SDK does not count this against the 2 retries)", resent);
        }

        private sealed class HtmlResponse : IWebResponseData
        {
            public HtmlResponse(HttpStatusCode status)
            {
                StatusCode = status;
            }

            public long ContentLength => 120;
            public string ContentType => "text/html";
            public HttpStatusCode StatusCode { get; }
            public bool IsSuccessStatusCode => false;
            public IHttpResponseBody ResponseBody => null;
            public string[] GetHeaderNames() => new string[0];
            public bool IsHeaderPresent(string headerName) => false;
            public string GetHeaderValue(string headerName) => null;
            public IEventStreamHeader GetEventStreamHeader(string headerName) => null;
            public bool IsEventHeaderPresent(string headerName) => false;
        }
    }
}
