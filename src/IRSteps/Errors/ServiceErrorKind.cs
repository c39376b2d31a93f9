namespace IRSteps.Errors
{
    /// <summary>What went wrong in a call to the service, independent of any SDK type.</summary>
    public enum ServiceErrorKind
    {
        Unknown = 0,
        NotFound,
        Validation,
        Throttling,
        AccessDenied,
        Authentication,
        ServiceUnavailable,
        ServiceFault,
        MalformedResponse,
        Timeout,
        Network,
        RepeatedToken,
    }
}
