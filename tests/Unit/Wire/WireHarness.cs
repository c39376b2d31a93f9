using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Text;
using System.Threading.Tasks;
using Amazon.Runtime;
using Amazon.Runtime.EventStreams;
using Amazon.Runtime.Internal;
using Amazon.Runtime.Internal.Transform;
using Amazon.Runtime.Internal.Util;
using IRSteps.Client.SageMaker.Operations;

namespace IRSteps.Tests
{
    /// <summary>
    /// Drives our marshallers and unmarshallers through the same entry points the SDK pipeline uses,
    /// over an in-memory HTTP answer, so the wire layer is tested without a server.
    /// </summary>
    internal static class WireHarness
    {
        /// <summary>Marshalls an input and returns the request the SDK would send.</summary>
        public static (IRequest Request, string Body) Marshall<TInput>(IMarshaller<IRequest, AmazonWebServiceRequest> marshaller, TInput input)
        {
            IRequest request = marshaller.Marshall(new SageMakerRequest<TInput>(input));
            var copy = new MemoryStream();
            request.ContentStream.Position = 0;
            request.ContentStream.CopyTo(copy);
            return (request, Encoding.UTF8.GetString(copy.ToArray()));
        }

        /// <summary>Unmarshalls a successful answer.</summary>
        public static TOutput Unmarshall<TOutput>(JsonResponseUnmarshallerBase<TOutput> unmarshaller, string body, string requestId = "req-1")
            where TOutput : class, IRSteps.Model.IServiceResponse, new()
        {
            var response = new FakeResponse(HttpStatusCode.OK, body, new Dictionary<string, string> { ["x-amzn-RequestId"] = requestId });
            UnmarshallerContext context = unmarshaller.CreateContext(response, true, response.Body, new RequestMetrics(), false);
            var result = (SageMakerResponse<TOutput>)unmarshaller.UnmarshallResponse(context);
            return result.Output;
        }

        /// <summary>Unmarshalls an error answer into the exception the pipeline would throw.</summary>
        public static AmazonServiceException UnmarshallError<TOutput>(JsonResponseUnmarshallerBase<TOutput> unmarshaller, HttpStatusCode status, string body, IDictionary<string, string> headers = null)
            where TOutput : class, IRSteps.Model.IServiceResponse, new()
        {
            headers = headers ?? new Dictionary<string, string>();
            if (!headers.ContainsKey("x-amzn-RequestId")) headers["x-amzn-RequestId"] = "req-error";
            var response = new FakeResponse(status, body, headers);
            UnmarshallerContext context = unmarshaller.CreateContext(response, true, response.Body, new RequestMetrics(), true);
            return unmarshaller.UnmarshallException(context, null, status);
        }

        private sealed class FakeResponse : IWebResponseData, IHttpResponseBody
        {
            private readonly Dictionary<string, string> headers;

            public FakeResponse(HttpStatusCode status, string body, IDictionary<string, string> headers)
            {
                StatusCode = status;
                byte[] bytes = Encoding.UTF8.GetBytes(body ?? string.Empty);
                Body = new MemoryStream(bytes);
                ContentLength = bytes.Length;
                this.headers = new Dictionary<string, string>(headers, StringComparer.OrdinalIgnoreCase);
            }

            public Stream Body { get; }
            public long ContentLength { get; }
            public string ContentType => "application/x-amz-json-1.1";
            public HttpStatusCode StatusCode { get; }
            public bool IsSuccessStatusCode => (int)StatusCode >= 200 && (int)StatusCode < 300;
            public IHttpResponseBody ResponseBody => this;
            public string[] GetHeaderNames() => headers.Keys.ToArray();
            public bool IsHeaderPresent(string headerName) => headers.ContainsKey(headerName);
            public string GetHeaderValue(string headerName) => headers.TryGetValue(headerName, out string value) ? value : null;
            public IEventStreamHeader GetEventStreamHeader(string headerName) => null;
            public bool IsEventHeaderPresent(string headerName) => false;
            public Stream OpenResponse() => Body;
            public Task<Stream> OpenResponseAsync() => Task.FromResult(Body);
            public void Dispose() { }
        }
    }
}
