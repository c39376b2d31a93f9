using System.Collections.Generic;

namespace IRSteps.Contract
{
    /// <summary>Creates clients from a cmdlet's connection request; IRSteps.Client implements it and the loader creates it by name.</summary>
    public interface IRecommenderClientFactory
    {
        /// <summary>Resolves credentials, region and endpoint; throws IRStepsConfigurationException when it cannot.</summary>
        IRecommenderClient Create(ConnectionRequest request);

        /// <summary>The regions the AWS SDK knows, as (system name, display name), for Tab completion of -Region.</summary>
        IReadOnlyList<KeyValuePair<string, string>> Regions();

        /// <summary>
        /// The profiles -ProfileName could name, in <paramref name="profileLocation"/> when given, else the SDK store
        /// and the shared files the environment names, as (name, what it holds), for Tab completion.
        /// </summary>
        IReadOnlyList<KeyValuePair<string, string>> Profiles(string? profileLocation);
    }
}
