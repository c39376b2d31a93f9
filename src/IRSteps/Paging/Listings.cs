using IRSteps.Contract;
using IRSteps.Model;

namespace IRSteps.Paging
{
    /// <summary>
    /// The listings the module reads, as page readers over a client: each page asked for with the request's
    /// members and the token of that page, starting at the request's own NextToken.
    /// </summary>
    internal static class Listings
    {
        /// <summary>The steps of a job (ListInferenceRecommendationsJobSteps).</summary>
        public static PageReader<InferenceRecommendationsJobStep> Steps(IRecommenderClient client, ListInferenceRecommendationsJobStepsRequest request) =>
            new PageReader<InferenceRecommendationsJobStep>(
                async (token, cancellationToken) =>
                {
                    ListInferenceRecommendationsJobStepsResponse response =
                        await client.ListInferenceRecommendationsJobStepsAsync(request.WithNextToken(token), cancellationToken).ConfigureAwait(false);
                    return new Page<InferenceRecommendationsJobStep>(response.Steps, response.NextToken, response.RequestId);
                },
                Subjects.StepsOf(request.JobName),
                request.NextToken,
                "ListInferenceRecommendationsJobSteps");

        /// <summary>The jobs (ListInferenceRecommendationsJobs).</summary>
        public static PageReader<InferenceRecommendationsJob> Jobs(IRecommenderClient client, ListInferenceRecommendationsJobsRequest request) =>
            new PageReader<InferenceRecommendationsJob>(
                async (token, cancellationToken) =>
                {
                    ListInferenceRecommendationsJobsResponse response =
                        await client.ListInferenceRecommendationsJobsAsync(request.WithNextToken(token), cancellationToken).ConfigureAwait(false);
                    return new Page<InferenceRecommendationsJob>(response.InferenceRecommendationsJobs, response.NextToken, response.RequestId);
                },
                "Inference Recommender jobs",
                request.NextToken,
                "ListInferenceRecommendationsJobs");
    }
}
