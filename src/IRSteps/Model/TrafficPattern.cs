using System.Collections.Generic;

namespace IRSteps.Model
{
    /// <summary>The load a job sends: PHASES or STAIRS (TrafficType is an open string value).</summary>
    public sealed class TrafficPattern
    {
        public string? TrafficType { get; set; }
        public List<Phase>? Phases { get; set; }
        public Stairs? Stairs { get; set; }
    }
}
