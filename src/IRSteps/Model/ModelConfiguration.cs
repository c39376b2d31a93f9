using System.Collections.Generic;

namespace IRSteps.Model
{
    /// <summary>The model configuration a benchmark used.</summary>
    public sealed class ModelConfiguration
    {
        public string? InferenceSpecificationName { get; set; }
        public List<EnvironmentParameter>? EnvironmentParameters { get; set; }
        public string? CompilationJobName { get; set; }
    }
}
