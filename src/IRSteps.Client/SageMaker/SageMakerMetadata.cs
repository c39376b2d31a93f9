using System.Collections.Generic;
using Amazon.Runtime.Internal;

namespace IRSteps.Client.SageMaker
{
    internal sealed class SageMakerMetadata : IServiceMetadata
    {
        public string ServiceId => SageMakerConfig.ServiceIdValue;

        public IDictionary<string, string> OperationNameMapping { get; } = new Dictionary<string, string>(0);
    }
}
