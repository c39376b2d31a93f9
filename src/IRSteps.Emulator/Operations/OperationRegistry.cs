using System;
using System.Collections.Generic;
using IRSteps.Emulator.Protocol;

namespace IRSteps.Emulator.Operations
{
    /// <summary>An operation's handler: an answer, or an ApiException that becomes the service's error.</summary>
    internal delegate ApiResponse OperationHandler(OperationContext context);

    /// <summary>One operation of one service.</summary>
    internal sealed class Operation
    {
        public Operation(string service, string name, OperationHandler handler, bool signed)
        {
            Service = service;
            Name = name;
            Handler = handler;
            Signed = signed;
        }

        /// <summary>The service a signature must be scoped to: "sagemaker" or "sts".</summary>
        public string Service { get; }

        public string Name { get; }

        public OperationHandler Handler { get; }

        /// <summary>False for calls the SDKs send unsigned (STS AssumeRoleWithWebIdentity).</summary>
        public bool Signed { get; }
    }

    /// <summary>
    /// The operation registry. A SageMaker request (AWS JSON 1.1, X-Amz-Target "SageMaker.Name") and an STS request
    /// (awsQuery, a form with Action=Name) find their handler here by service and name. To add an operation, write a
    /// handler (a static class under Operations/ by analogy with the others) and register it below.
    /// </summary>
    internal static class OperationRegistry
    {
        public const string SageMaker = "sagemaker";
        public const string Sts = "sts";

        private static readonly Dictionary<string, Operation> ByKey = new Dictionary<string, Operation>(StringComparer.Ordinal);

        static OperationRegistry()
        {
            Register(SageMaker, "ListInferenceRecommendationsJobSteps", ListInferenceRecommendationsJobSteps.Handle);
            Register(SageMaker, "ListInferenceRecommendationsJobs", ListInferenceRecommendationsJobs.Handle);
            Register(SageMaker, "DescribeInferenceRecommendationsJob", DescribeInferenceRecommendationsJob.Handle);
            Register(SageMaker, "StopInferenceRecommendationsJob", StopInferenceRecommendationsJob.Handle);
            Register(Sts, "AssumeRole", StsOperations.AssumeRole);
            Register(Sts, "GetCallerIdentity", StsOperations.GetCallerIdentity);
        }

        public static bool TryFind(string service, string name, out Operation operation) => ByKey.TryGetValue(service + "." + name, out operation);

        private static void Register(string service, string name, OperationHandler handler, bool signed = true) =>
            ByKey.Add(service + "." + name, new Operation(service, name, handler, signed));
    }
}
