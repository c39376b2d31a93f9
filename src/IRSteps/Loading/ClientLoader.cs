using IRSteps.Contract;

namespace IRSteps.Loading
{
    /// <summary>
    /// The client (IRSteps.Client and the AWS SDK, from lib/), loaded on the first command or Tab that needs it.
    /// </summary>
    internal static class ClientLoader
    {
        private static readonly LibraryLoader<IRecommenderClientFactory> Loader =
            new LibraryLoader<IRecommenderClientFactory>("IRSteps.Client", "IRSteps.Client.RecommenderClientFactory", "its AWS client");

        public static IRecommenderClientFactory Factory => Loader.Factory;
    }
}
