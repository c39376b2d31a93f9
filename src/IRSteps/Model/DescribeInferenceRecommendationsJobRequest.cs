namespace IRSteps.Model
{
    /// <summary>The input of DescribeInferenceRecommendationsJob.</summary>
    public sealed class DescribeInferenceRecommendationsJobRequest
    {
        public string? JobName { get; set; }
    }
}
