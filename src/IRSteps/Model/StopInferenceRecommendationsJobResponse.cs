namespace IRSteps.Model
{
    /// <summary>The answer of StopInferenceRecommendationsJob: no members besides the request id.</summary>
    public sealed class StopInferenceRecommendationsJobResponse : IServiceResponse
    {
        public string? RequestId { get; set; }
    }
}
