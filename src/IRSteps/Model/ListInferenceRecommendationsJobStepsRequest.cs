namespace IRSteps.Model
{
    /// <summary>The input of ListInferenceRecommendationsJobSteps; members left null are not sent.</summary>
    public sealed class ListInferenceRecommendationsJobStepsRequest
    {
        public string? JobName { get; set; }
        public string? Status { get; set; }
        public string? StepType { get; set; }
        public int? MaxResults { get; set; }
        public string? NextToken { get; set; }

        /// <summary>A copy that asks for the page at <paramref name="token"/>; this request stays as it is.</summary>
        internal ListInferenceRecommendationsJobStepsRequest WithNextToken(string? token)
        {
            var copy = (ListInferenceRecommendationsJobStepsRequest)MemberwiseClone();
            copy.NextToken = token;
            return copy;
        }
    }
}
