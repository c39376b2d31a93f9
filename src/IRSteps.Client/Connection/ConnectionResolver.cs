using System;
using Amazon.Runtime.CredentialManagement;
using IRSteps.Contract;

namespace IRSteps.Client.Connection
{
    /// <summary>
    /// The AWS PowerShell rules for a connection, each a ladder of its own, first match wins: credentials
    /// (<see cref="CredentialLadder"/>), region (<see cref="RegionLadder"/>) and endpoint (<see cref="EndpointLadder"/>),
    /// and the profile whose settings apply. Everything is read on each call: a session may change $env: as it goes,
    /// while AWSSDK.Core reads several of these once per process.
    /// </summary>
    internal sealed class ConnectionResolver
    {
        private readonly Func<string, string?> environment;
        private readonly CredentialLadder credentials;
        private readonly RegionLadder region;
        private readonly EndpointLadder endpoint;

        public ConnectionResolver(Func<string, string?>? environment = null)
        {
            this.environment = environment ?? Environment.GetEnvironmentVariable;
            credentials = new CredentialLadder(this.environment);
            region = new RegionLadder(this.environment);
            endpoint = new EndpointLadder(this.environment);
        }

        /// <summary>Decides credentials, region and endpoint settings. Makes no network call.</summary>
        public ResolvedConnection Resolve(ConnectionRequest request)
        {
            var result = new ResolvedConnection { Files = ProfileFiles.For(request.ProfileLocation, environment) };
            var stored = StoredCredentials.Read(request.StoredCredentials);
            credentials.Resolve(request, stored, result);

            // The profile whose settings apply: the one named, else the one behind $StoredAWSCredentials or
            // AWS_PROFILE, else 'default' (also when the credentials came from elsewhere, as for the SDKs).
            result.ProfileName = ConnectionSettings.FirstSet(request.ProfileName, stored.ProfileName, environment("AWS_PROFILE"), ConnectionSettings.DefaultProfile)!;
            CredentialProfile? settings = ConnectionSettings.LookUp(result.ProfileName, result.Files);
            region.Resolve(request, result, settings);
            endpoint.Resolve(request, result, settings);
            return result;
        }
    }
}
