using System.Collections.Generic;

namespace IRSteps.Model
{
    /// <summary>An environment variable and the values a job tries for it.</summary>
    public sealed class CategoricalParameterRange
    {
        public string? Name { get; set; }
        public List<string>? Value { get; set; }
    }
}
