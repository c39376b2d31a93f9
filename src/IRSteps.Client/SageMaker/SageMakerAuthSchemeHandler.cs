using System.Collections.Generic;
using Amazon.Runtime;
using Amazon.Runtime.Credentials.Internal;
using Amazon.Runtime.Internal;
using Amazon.Runtime.Internal.Auth;

namespace IRSteps.Client.SageMaker
{
    /// <summary>Every SageMaker operation is signed with SigV4.</summary>
    internal sealed class SageMakerAuthSchemeHandler : BaseAuthResolverHandler
    {
        protected override List<IAuthSchemeOption> ResolveAuthOptions(IExecutionContext executionContext)
        {
            return AuthSchemeOption.DEFAULT_SIGV4;
        }
    }
}
