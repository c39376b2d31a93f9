namespace IRSteps.Errors
{
    /// <summary>
    /// The stable ErrorIds of every error the module writes. Scripts match on them
    /// (FullyQualifiedErrorId starts with the id); never change one, only add.
    /// </summary>
    public static class ErrorIds
    {
        // Input refused before any request is sent.
        public const string InvalidJobName = "InvalidJobName";
        public const string InvalidParameter = "InvalidParameter";

        // Answers of the service.
        public const string JobNotFound = "JobNotFound";
        public const string AccessDenied = "AccessDenied";
        public const string AuthenticationFailed = "AuthenticationFailed";
        public const string Throttled = "Throttled";
        public const string ServiceValidation = "ServiceValidation";
        public const string ServiceUnavailable = "ServiceUnavailable";
        public const string ServiceError = "ServiceError";

        // The exchange itself went wrong.
        public const string MalformedResponse = "MalformedResponse";
        public const string RequestTimeout = "RequestTimeout";
        public const string NetworkError = "NetworkError";
        public const string RepeatedNextToken = "RepeatedNextToken";

        // The job itself, while a command waits for it.
        public const string JobFailed = "JobFailed";
        public const string OperationTimeout = "OperationTimeout";

        // Credentials, region and endpoint.
        public const string NoCredentials = "NoCredentials";
        public const string NoRegion = "NoRegion";
        public const string InvalidRegion = "InvalidRegion";
        public const string ProfileNotFound = "ProfileNotFound";
        public const string InvalidCredentials = "InvalidCredentials";
        public const string InvalidEndpoint = "InvalidEndpoint";
        public const string ModuleLoadFailed = "ModuleLoadFailed";

        // The emulator (Start-IREmulator and the cmdlets that use one).
        public const string EmulatorStartFailed = "EmulatorStartFailed";
        public const string EmulatorStopped = "EmulatorStopped";
        // Export-IRJobReport.
        public const string ReportExists = "ReportExists";
        public const string ReportNotWritable = "ReportNotWritable";
        public const string InvalidReportInput = "InvalidReportInput";
    }
}
