namespace IRSteps.Model
{
    /// <summary>One phase of a PHASES traffic pattern.</summary>
    public sealed class Phase
    {
        public int? InitialNumberOfUsers { get; set; }
        public int? SpawnRate { get; set; }
        public int? DurationInSeconds { get; set; }
    }
}
