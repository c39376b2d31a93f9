namespace IRSteps.Model
{
    /// <summary>The input of StopInferenceRecommendationsJob.</summary>
    public sealed class StopInferenceRecommendationsJobRequest
    {
        public string? JobName { get; set; }
    }
}
