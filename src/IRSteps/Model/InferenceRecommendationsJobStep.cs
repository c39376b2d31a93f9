namespace IRSteps.Model
{
    /// <summary>
    /// One benchmark step of an Inference Recommender job, as ListInferenceRecommendationsJobSteps returns it.
    /// StepType and Status are open string values: a value the service adds later never breaks a script.
    /// </summary>
    public sealed class InferenceRecommendationsJobStep
    {
        public string StepType { get; set; }
        public string JobName { get; set; }
        public string Status { get; set; }
        public RecommendationJobInferenceBenchmark InferenceBenchmark { get; set; }
    }
}
