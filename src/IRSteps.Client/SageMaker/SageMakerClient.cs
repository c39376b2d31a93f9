using System.Threading;
using System.Threading.Tasks;
using Amazon.Runtime;
using Amazon.Runtime.Internal;
using IRSteps.Client.SageMaker.Operations;
using IRSteps.Model;

namespace IRSteps.Client.SageMaker
{
    /// <summary>
    /// Our SageMaker client: AWSSDK.Core's pipeline (credentials, SigV4, retries, clock skew, proxy,
    /// endpoint settings) with SageMaker's endpoint rules and SigV4 auth. One method per operation,
    /// each one line over <see cref="InvokeOperationAsync{TInput,TOutput}"/>.
    /// </summary>
    internal sealed class SageMakerClient : AmazonServiceClient
    {
        private static readonly IServiceMetadata Metadata = new SageMakerMetadata();

        public SageMakerClient(AWSCredentials? credentials, SageMakerConfig config)
            : base(credentials, config)
        {
        }

        protected override IServiceMetadata ServiceMetadata => Metadata;

        public Task<ListInferenceRecommendationsJobStepsResponse> ListInferenceRecommendationsJobStepsAsync(
            ListInferenceRecommendationsJobStepsRequest request, CancellationToken cancellationToken = default)
            => InvokeOperationAsync(SageMakerOperations.ListInferenceRecommendationsJobSteps, request, cancellationToken);

        public Task<ListInferenceRecommendationsJobsResponse> ListInferenceRecommendationsJobsAsync(
            ListInferenceRecommendationsJobsRequest request, CancellationToken cancellationToken = default)
            => InvokeOperationAsync(SageMakerOperations.ListInferenceRecommendationsJobs, request, cancellationToken);

        public Task<DescribeInferenceRecommendationsJobResponse> DescribeInferenceRecommendationsJobAsync(
            DescribeInferenceRecommendationsJobRequest request, CancellationToken cancellationToken = default)
            => InvokeOperationAsync(SageMakerOperations.DescribeInferenceRecommendationsJob, request, cancellationToken);

        public Task<StopInferenceRecommendationsJobResponse> StopInferenceRecommendationsJobAsync(
            StopInferenceRecommendationsJobRequest request, CancellationToken cancellationToken = default)
            => InvokeOperationAsync(SageMakerOperations.StopInferenceRecommendationsJob, request, cancellationToken);

        public async Task<TOutput> InvokeOperationAsync<TInput, TOutput>(
            SageMakerOperation<TInput, TOutput> operation, TInput input, CancellationToken cancellationToken)
            where TOutput : class, IServiceResponse
        {
            var options = new InvokeOptions
            {
                RequestMarshaller = operation.Marshaller,
                ResponseUnmarshaller = operation.Unmarshaller,
            };
            var response = await InvokeAsync<SageMakerResponse<TOutput>>(new SageMakerRequest<TInput>(input), options, cancellationToken)
                .ConfigureAwait(false);
            return response.Output!;
        }

        protected override void CustomizeRuntimePipeline(RuntimePipeline pipeline)
        {
            pipeline.RemoveHandler<EndpointResolver>();
            pipeline.AddHandlerAfter<Marshaller>(new SageMakerEndpointResolver());
            pipeline.AddHandlerAfter<Marshaller>(new SageMakerAuthSchemeHandler());

            // Just inside the retry handler: sees every attempt, so -Verbose can show each retry.
            pipeline.AddHandlerAfter<RetryHandler>(new RetryReporter());
        }
    }
}
