using System.Collections.Generic;

namespace IRSteps.Model
{
    /// <summary>The environment variable values a job tries.</summary>
    public sealed class EnvironmentParameterRanges
    {
        public List<CategoricalParameterRange>? CategoricalParameterRanges { get; set; }
    }
}
