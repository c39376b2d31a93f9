using System;
using System.Net;
using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.Internal;
using Amazon.Runtime.Internal.Transform;
using Amazon.Runtime.Internal.Util;
using IRSteps.Model;

namespace IRSteps.Client.Operations
{
    /// <summary>
    /// Reads an operation's JSON answer with Core's streaming reader; errors go through Core's JSON
    /// error response unmarshaller, keeping the code (text after '#' in __type, or x-amzn-ErrorType) and request id.
    /// </summary>
    public abstract class JsonResponseUnmarshallerBase<TOutput> : JsonResponseUnmarshaller
        where TOutput : class, IServiceResponse, new()
    {
        public override AmazonWebServiceResponse Unmarshall(JsonUnmarshallerContext context)
        {
            var output = new TOutput { RequestId = context.ResponseData.GetHeaderValue("x-amzn-RequestId") };
            var reader = new StreamingUtf8JsonReader(context.Stream, AWSConfigs.StreamingUtf8JsonReaderBufferSize ?? 4096, context.JsonMaxDepth);
            if (!context.IsEmptyResponse)
            {
                context.Read(ref reader);
                int depth = context.CurrentDepth;
                while (context.ReadAtDepth(depth, ref reader))
                {
                    ReadMember(context, ref reader, depth, output);
                }
            }

            return new SageMakerResponse<TOutput> { Output = output };
        }

        /// <summary>Reads the member the reader is on into the output, if it is one we know; others are skipped.</summary>
        protected abstract void ReadMember(JsonUnmarshallerContext context, ref StreamingUtf8JsonReader reader, int depth, TOutput output);

        public override AmazonServiceException UnmarshallException(JsonUnmarshallerContext context, Exception innerException, HttpStatusCode statusCode)
        {
            var reader = new StreamingUtf8JsonReader(context.Stream, AWSConfigs.StreamingUtf8JsonReaderBufferSize ?? 4096, context.JsonMaxDepth);
            ErrorResponse error = JsonErrorResponseUnmarshaller.GetInstance().Unmarshall(context, ref reader);
            return new SageMakerServiceException(error.Message, innerException, error.Type, error.Code, error.RequestId, statusCode);
        }
    }

    /// <summary>An error answer of SageMaker, as the SDK pipeline carries it.</summary>
    public sealed class SageMakerServiceException : AmazonServiceException
    {
        public SageMakerServiceException(string message, Exception innerException, ErrorType errorType, string errorCode, string requestId, HttpStatusCode statusCode)
            : base(message, innerException, errorType, errorCode, requestId, statusCode)
        {
        }
    }
}
