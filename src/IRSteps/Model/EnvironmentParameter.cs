namespace IRSteps.Model
{
    /// <summary>An environment variable the benchmark's container ran with.</summary>
    public sealed class EnvironmentParameter
    {
        public string? Key { get; set; }
        public string? ValueType { get; set; }
        public string? Value { get; set; }
    }
}
