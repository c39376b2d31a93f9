using System;
using System.Collections.Generic;
using System.Text;
using IRSteps.Emulator.Jobs;
using IRSteps.Emulator.Protocol;

namespace IRSteps.Emulator.Faults
{
    /// <summary>
    /// The fault registry: every kind the emulator can inject, by name (any case). To add one, register an instance
    /// here: a <see cref="ReplyFault"/> for a canned answer, a <see cref="WireFault"/> to break the real answer, or a
    /// class of your own derived from <see cref="FaultKind"/>.
    /// </summary>
    internal static class FaultKinds
    {
        public const string RepeatToken = "RepeatToken";
        public const string EmptyPageWithToken = "EmptyPageWithToken";

        private static readonly Dictionary<string, FaultKind> ByName = new Dictionary<string, FaultKind>(StringComparer.OrdinalIgnoreCase);
        private static readonly List<string> Ordered = new List<string>();

        static FaultKinds()
        {
            Register(new ReplyFault("Throttle", c => ApiResponse.Error(400, "ThrottlingException", "Rate exceeded")));
            Register(new ReplyFault("ServerError", c => ApiResponse.Error(500, "InternalFailure", "We encountered an internal error. Please try again.")));
            Register(new ReplyFault("ServiceUnavailable", c => ApiResponse.Error(503, "ServiceUnavailable", "Service Unavailable")));
            Register(new ReplyFault("MalformedJson", c => ApiResponse.Json(Encoding.UTF8.GetBytes("{\"Steps\":[{\"StepType\":"))));
            Register(new ReplyFault("Html200", c => ApiResponse.Text(200, "text/html; charset=utf-8",
                "<!DOCTYPE html>\n<html><head><title>Network Login</title></head><body><h1>Proxy authentication required</h1><p>Please sign in to continue.</p></body></html>\n")));
            Register(new ReplyFault("Html502", c => ApiResponse.Text(502, "text/html",
                "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n</body>\r\n</html>\r\n")));
            Register(new WireFault("Truncated", r =>
            {
                r.DeclaredLength = r.Body.Length + 100;
                r.End = Http.ConnectionEnd.Reset;
            }));
            Register(new WireFault("ResetMidBody", r =>
            {
                r.SentLength = r.Body.Length / 2;
                r.End = Http.ConnectionEnd.Reset;
            }));
            Register(new MarkerFault("Slow"));
            Register(new HoldFault("Hang"));
            Register(new HoldFault("Timeout")); // the user's name for Hang (Add-IREmulatorFault -Kind Timeout)
            Register(new MarkerFault(RepeatToken));
            Register(new MarkerFault(EmptyPageWithToken));
            Register(new ReplyFault("BadToken", c => ApiResponse.Error(400, "ValidationException", "Invalid pagination token.")));
            Register(new ReplyFault("AccessDenied", c => ApiResponse.Error(400, "AccessDeniedException",
                "User: arn:aws:iam::" + JobStore.AccountId + ":user/irsteps-emulator is not authorized to perform: sagemaker:" + c.Operation +
                " on resource: arn:aws:sagemaker:" + c.Region + ":" + JobStore.AccountId + ":inference-recommendations-job/" + (c.JobName ?? "*") +
                " because no identity-based policy allows the sagemaker:" + c.Operation + " action")));
        }

        public static IReadOnlyList<string> Names => Ordered;

        public static bool TryGet(string name, out FaultKind kind)
        {
            kind = null;
            return name != null && ByName.TryGetValue(name, out kind);
        }

        private static void Register(FaultKind kind)
        {
            ByName.Add(kind.Name, kind);
            Ordered.Add(kind.Name);
        }
    }
}
