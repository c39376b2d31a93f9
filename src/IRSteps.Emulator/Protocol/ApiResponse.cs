using System;
using System.Text;

namespace IRSteps.Emulator.Protocol
{
    /// <summary>An operation's answer, its body already serialized (JSON 1.1 for SageMaker, XML for STS).</summary>
    internal sealed class ApiResponse
    {
        public const string JsonContentType = "application/x-amz-json-1.1";

        public ApiResponse(byte[] body, int status = 200, string contentType = JsonContentType, string errorCode = null)
        {
            Body = body;
            Status = status;
            ContentType = contentType;
            ErrorCode = errorCode;
        }

        public int Status { get; }

        public string ContentType { get; }

        public byte[] Body { get; }

        /// <summary>The error code (the JSON __type, the XML Code) of an error answer, else null.</summary>
        public string ErrorCode { get; }

        public static ApiResponse Json(byte[] body) => new ApiResponse(body);

        /// <summary>An AWS JSON 1.1 error: <c>{"__type":code,"message":message}</c>.</summary>
        public static ApiResponse Error(int status, string code, string message) =>
            new ApiResponse(AwsJson.ErrorBody(code, message), status, JsonContentType, code);

        public static ApiResponse EmptyObject() => new ApiResponse(Encoding.UTF8.GetBytes("{}"));

        public static ApiResponse Text(int status, string contentType, string body) =>
            new ApiResponse(Encoding.UTF8.GetBytes(body), status, contentType);
    }

    /// <summary>Thrown by operations to answer with an AWS JSON error (status 400 unless stated).</summary>
    internal sealed class ApiException : Exception
    {
        public ApiException(string code, string message, int status = 400)
            : base(message)
        {
            Code = code;
            Status = status;
        }

        public string Code { get; }

        public int Status { get; }

        public static ApiException Validation(string message) => new ApiException("ValidationException", message);

        public static ApiException InvalidToken() => new ApiException("ValidationException", "Invalid pagination token.");

        public static ApiException JobNotFound(string name) => new ApiException("ResourceNotFound", "Inference recommendations job " + name + " not found.");
    }
}
