namespace IRSteps.Model
{
    /// <summary>A STAIRS traffic pattern: users added step by step.</summary>
    public sealed class Stairs
    {
        public int? DurationInSeconds { get; set; }
        public int? NumberOfSteps { get; set; }
        public int? UsersPerStep { get; set; }
    }
}
