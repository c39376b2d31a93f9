using System.Text.Json;
using Amazon.Runtime;
using Amazon.Runtime.Internal;
using Amazon.Runtime.Internal.Transform;

namespace IRSteps.Client.SageMaker.Operations
{
    /// <summary>
    /// The AWS JSON 1.1 envelope every operation shares: POST /, X-Amz-Target SageMaker.&lt;Operation&gt;,
    /// Content-Type application/x-amz-json-1.1, and a body of the members that are set.
    /// </summary>
    internal abstract class JsonRequestMarshaller<TInput> : IMarshaller<IRequest, AmazonWebServiceRequest>
    {
        public const string TargetPrefix = "SageMaker.";
        public const string ContentType = "application/x-amz-json-1.1";

        protected abstract string OperationName { get; }

        public IRequest Marshall(AmazonWebServiceRequest input)
        {
            var wrapper = (SageMakerRequest<TInput>)input;
            IRequest request = new DefaultRequest(input, SageMakerConfig.ServiceIdValue);
            request.Headers["X-Amz-Target"] = TargetPrefix + OperationName;
            request.Headers["Content-Type"] = ContentType;
            request.Headers["x-amz-api-version"] = SageMakerConfig.ApiVersion;
            request.HttpMethod = "POST";
            request.ResourcePath = "/";
            var content = new PooledContentStream();
            request.ContentStream = content;
            using (var writer = new Utf8JsonWriter(content.BufferWriter))
            {
                writer.WriteStartObject();
                WriteMembers(writer, wrapper.Input);
                writer.WriteEndObject();
                writer.Flush();
            }

            return request;
        }

        /// <summary>Writes the members of the input that are set, and only those.</summary>
        protected abstract void WriteMembers(Utf8JsonWriter writer, TInput input);

        protected static void WriteString(Utf8JsonWriter writer, string name, string? value)
        {
            if (value != null) writer.WriteString(name, value);
        }

        protected static void WriteInt(Utf8JsonWriter writer, string name, int? value)
        {
            if (value.HasValue) writer.WriteNumber(name, value.Value);
        }

        /// <summary>Timestamps go out as epoch seconds, as JSON 1.1 sends them.</summary>
        protected static void WriteTimestamp(Utf8JsonWriter writer, string name, System.DateTime? value)
        {
            if (value.HasValue)
            {
                writer.WriteNumber(name, Amazon.Util.AWSSDKUtils.ConvertToUnixEpochSecondsDouble(value.Value.ToUniversalTime()));
            }
        }
    }
}
