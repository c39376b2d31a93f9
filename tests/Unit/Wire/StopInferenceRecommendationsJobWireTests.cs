using System.Collections.Generic;
using System.Linq;
using System.Net;
using IRSteps.Client.SageMaker.Operations;
using IRSteps.Model;
using Xunit;

namespace IRSteps.Tests
{
    /// <summary>Wire tests for StopInferenceRecommendationsJob: its marshaller and unmarshaller through the SDK's entry points.</summary>
    public class StopInferenceRecommendationsJobWireTests
    {
        [Fact]
        public void Marshaller_sends_a_JSON_1_1_POST_with_the_SageMaker_target()
        {
            var (request, _) = WireHarness.Marshall(StopInferenceRecommendationsJobRequestMarshaller.Instance, new StopInferenceRecommendationsJobRequest { JobName = "j" });

            Assert.Equal("POST", request.HttpMethod);
            Assert.Equal("/", request.ResourcePath);
            Assert.Equal("SageMaker.StopInferenceRecommendationsJob", request.Headers["X-Amz-Target"]);
            Assert.Equal("application/x-amz-json-1.1", request.Headers["Content-Type"]);
        }

        [Fact]
        public void Marshaller_sends_the_job_name()
        {
            var (_, stop) = WireHarness.Marshall(StopInferenceRecommendationsJobRequestMarshaller.Instance, new StopInferenceRecommendationsJobRequest { JobName = "running-job" });

            Assert.Equal("{\"JobName\":\"running-job\"}", stop);
        }

        // ---------------------------------------------------------------- answer

        [Theory]
        [InlineData("{}")]
        [InlineData("{\"SomethingNew\":{\"x\":1}}")]
        public void Stop_answer_keeps_the_request_id(string body)
        {
            var answer = WireHarness.Unmarshall(StopInferenceRecommendationsJobResponseUnmarshaller.Instance, body, "req-stop");
            Assert.Equal("req-stop", answer.RequestId);
        }

        [Fact]
        public void Stop_error_keeps_the_validation_message()
        {
            var error = WireHarness.UnmarshallError(StopInferenceRecommendationsJobResponseUnmarshaller.Instance, HttpStatusCode.BadRequest,
                "{\"__type\":\"ValidationException\",\"message\":\"Inference recommendations job x cannot be stopped because it is in status COMPLETED.\"}");

            Assert.Equal("ValidationException", error.ErrorCode);
            Assert.Contains("cannot be stopped", error.Message);
        }
    }
}
