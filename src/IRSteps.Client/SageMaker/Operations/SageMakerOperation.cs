using Amazon.Runtime;
using Amazon.Runtime.Internal.Transform;

namespace IRSteps.Client.SageMaker.Operations
{
    /// <summary>An operation: the marshaller of its input (which names it on the wire) and the unmarshaller of its output.</summary>
    internal sealed class SageMakerOperation<TInput, TOutput>
    {
        public SageMakerOperation(IMarshaller<Amazon.Runtime.Internal.IRequest, AmazonWebServiceRequest> marshaller, ResponseUnmarshaller unmarshaller)
        {
            Marshaller = marshaller;
            Unmarshaller = unmarshaller;
        }

        public IMarshaller<Amazon.Runtime.Internal.IRequest, AmazonWebServiceRequest> Marshaller { get; }
        public ResponseUnmarshaller Unmarshaller { get; }
    }

    /// <summary>Carries an operation's input (a model type, free of SDK concerns) through the SDK pipeline.</summary>
    internal sealed class SageMakerRequest<TInput> : AmazonWebServiceRequest
    {
        public SageMakerRequest(TInput input)
        {
            Input = input;
        }

        public TInput Input { get; }
    }

    /// <summary>Carries an operation's output back out of the SDK pipeline.</summary>
    internal sealed class SageMakerResponse<TOutput> : AmazonWebServiceResponse
    {
        public TOutput? Output { get; set; }
    }
}
