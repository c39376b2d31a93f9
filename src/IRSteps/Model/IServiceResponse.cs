namespace IRSteps.Model
{
    /// <summary>What every answer of the service carries besides its members.</summary>
    public interface IServiceResponse
    {
        /// <summary>The x-amzn-RequestId of the answer, for support cases and -Verbose.</summary>
        string? RequestId { get; set; }
    }
}
