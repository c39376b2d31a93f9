using System.Collections.Generic;
using System.Text.Json;
using IRSteps.Emulator.Auth;
using IRSteps.Emulator.Http;
using IRSteps.Emulator.Jobs;

namespace IRSteps.Emulator.Operations
{
    /// <summary>Everything an operation needs to answer one request.</summary>
    internal sealed class OperationContext
    {
        public JobStore Jobs { get; set; }

        public KeyStore Keys { get; set; }

        /// <summary>The JSON input of a JSON-protocol operation (SageMaker); an empty object otherwise.</summary>
        public JsonElement Input { get; set; }

        /// <summary>The form parameters of a query-protocol operation (STS); null otherwise.</summary>
        public IReadOnlyDictionary<string, string> Form { get; set; }

        /// <summary>Who signed the request (for unsigned operations: nobody, and Ok false).</summary>
        public SigV4Result Caller { get; set; }

        /// <summary>The region of the request's credential scope (used in ARNs).</summary>
        public string Region { get; set; }

        /// <summary>Epoch seconds at which the request is answered.</summary>
        public double Now { get; set; }

        public string RequestId { get; set; }

        /// <summary>The name of the fault that hit this request, if any (the paging faults change what operations answer).</summary>
        public string Fault { get; set; }

        public HttpRequest Request { get; set; }
    }
}
