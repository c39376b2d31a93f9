using Amazon.Runtime;
using Amazon.Runtime.Internal.Transform;

namespace IRSteps.Client.SageMaker.Operations
{
    /// <summary>An operation: its name, the marshaller of its input and the unmarshaller of its output.</summary>
    public sealed class SageMakerOperation<TInput, TOutput>
    {
        public SageMakerOperation(string name, IMarshaller<Amazon.Runtime.Internal.IRequest, AmazonWebServiceRequest> marshaller, ResponseUnmarshaller unmarshaller)
        {
            Name = name;
            Marshaller = marshaller;
            Unmarshaller = unmarshaller;
        }

        public string Name { get; }
        public IMarshaller<Amazon.Runtime.Internal.IRequest, AmazonWebServiceRequest> Marshaller { get; }
        public ResponseUnmarshaller Unmarshaller { get; }
    }

    /// <summary>Carries an operation's input (a model type, free of SDK concerns) through the SDK pipeline.</summary>
    public sealed class SageMakerRequest<TInput> : AmazonWebServiceRequest
    {
        public SageMakerRequest(string operationName, TInput input)
        {
            OperationName = operationName;
            Input = input;
        }

        public string OperationName { get; }
        public TInput Input { get; }
    }

    /// <summary>Carries an operation's output back out of the SDK pipeline.</summary>
    public sealed class SageMakerResponse<TOutput> : AmazonWebServiceResponse
    {
        public TOutput Output { get; set; }
    }
}
