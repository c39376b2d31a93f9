using System;
using System.Net;
using System.Text.Json;
using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.Internal;
using Amazon.Runtime.Internal.Transform;
using Amazon.Runtime.Internal.Util;
using IRSteps.Model;

namespace IRSteps.Client.SageMaker.Operations
{
    /// <summary>
    /// Reads an operation's JSON answer with Core's streaming reader; errors go through Core's JSON
    /// error response unmarshaller, keeping the code (text after '#' in __type, or x-amzn-ErrorType) and request id.
    /// </summary>
    internal abstract class JsonResponseUnmarshallerBase<TOutput> : JsonResponseUnmarshaller
        where TOutput : class, IServiceResponse, new()
    {
        public override AmazonWebServiceResponse Unmarshall(JsonUnmarshallerContext context)
        {
            var output = new TOutput { RequestId = context.ResponseData.GetHeaderValue("x-amzn-RequestId") };

            // SageMaker answers every operation with a JSON object ("{}" at least). An empty body, or a string,
            // number or array, would otherwise read as an answer with nothing in it: a listing that silently ends.
            if (context.IsEmptyResponse)
            {
                throw new JsonException("The answer is empty where SageMaker always sends a JSON object.");
            }

            StreamingUtf8JsonReader reader = ReaderOf(context);
            context.Read(ref reader);
            if (context.CurrentTokenType != JsonTokenType.StartObject)
            {
                throw new JsonException("The answer is not a JSON object.");
            }

            int depth = context.CurrentDepth;
            while (context.ReadAtDepth(depth, ref reader))
            {
                ReadMember(context, ref reader, depth, output);
            }

            return new SageMakerResponse<TOutput> { Output = output };
        }

        /// <summary>Core's streaming reader over the answer, with Core's buffer size setting (4096 bytes unless set).</summary>
        private static StreamingUtf8JsonReader ReaderOf(JsonUnmarshallerContext context) =>
            new StreamingUtf8JsonReader(context.Stream, AWSConfigs.StreamingUtf8JsonReaderBufferSize ?? 4096, context.JsonMaxDepth);

        /// <summary>Reads the member the reader is on into the output, if it is one we know; others are skipped.</summary>
        protected abstract void ReadMember(JsonUnmarshallerContext context, ref StreamingUtf8JsonReader reader, int depth, TOutput output);

        public override AmazonServiceException UnmarshallException(JsonUnmarshallerContext context, Exception innerException, HttpStatusCode statusCode)
        {
            ErrorResponse error;
            try
            {
                StreamingUtf8JsonReader reader = ReaderOf(context);
                error = JsonErrorResponseUnmarshaller.GetInstance().Unmarshall(context, ref reader);
            }
            catch (Exception unreadable) when (!(unreadable is OperationCanceledException))
            {
                // An error status whose body is not SageMaker's JSON error (a proxy's page, a cut body): keep the
                // status and request id, no error code, so the retry rules and the message go by the status.
                return new SageMakerServiceException("HTTP " + (int)statusCode + " with a body that is not a SageMaker error (" + unreadable.Message + ")",
                    unreadable, ErrorType.Unknown, null, context.ResponseData.GetHeaderValue("x-amzn-RequestId"), statusCode);
            }

            return new SageMakerServiceException(error.Message, innerException, error.Type, error.Code, error.RequestId, statusCode);
        }
    }

    /// <summary>An error answer of SageMaker, as the SDK pipeline carries it.</summary>
    internal sealed class SageMakerServiceException : AmazonServiceException
    {
        public SageMakerServiceException(string message, Exception? innerException, ErrorType errorType, string? errorCode, string? requestId, HttpStatusCode statusCode)
            : base(message, innerException, errorType, errorCode, requestId, statusCode)
        {
        }
    }
}
