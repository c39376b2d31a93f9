using System;

namespace IRSteps.Emulation
{
    /// <summary>
    /// One request an emulator received, as Get-IREmulatorRequest writes it: what a test asserts about what its
    /// runbook asked, and as whom.
    /// </summary>
    public sealed class EmulatorRequest
    {
        /// <summary>When it arrived (UTC).</summary>
        public DateTime Time { get; set; }

        /// <summary>The API operation, e.g. ListInferenceRecommendationsJobSteps.</summary>
        public string? Operation { get; set; }

        public string? JobName { get; set; }

        /// <summary>The NextToken sent: $null for a listing's first page.</summary>
        public string? NextToken { get; set; }

        /// <summary>The MaxResults sent, $null when none was.</summary>
        public int? MaxResults { get; set; }

        /// <summary>The access key id that signed the request (whether or not the emulator accepted it).</summary>
        public string? AccessKey { get; set; }

        /// <summary>The region of the signature's scope.</summary>
        public string? Region { get; set; }

        /// <summary>The HTTP status answered; 499 when the client gave up before an answer (a Timeout fault); 0 while held.</summary>
        public int StatusCode { get; set; }

        /// <summary>The error answered (ThrottlingException, ResourceNotFound, ...), $null on success.</summary>
        public string? ErrorCode { get; set; }

        /// <summary>The kind of the fault that hit the request (Throttle, Timeout, ...), $null when none did.</summary>
        public string? Fault { get; set; }

        /// <summary>The x-amzn-RequestId the emulator answered with.</summary>
        public string? RequestId { get; set; }
    }
}
