namespace IRSteps.Model
{
    /// <summary>How many benchmarks a job may run, in all and at once.</summary>
    public sealed class RecommendationJobResourceLimit
    {
        public int? MaxNumberOfTests { get; set; }
        public int? MaxParallelOfTests { get; set; }
    }
}
