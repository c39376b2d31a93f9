using IRSteps.Contract;

namespace IRSteps.Loading
{
    /// <summary>
    /// The client (IRSteps.Client and the AWS SDK, from lib/), loaded on the first command or Tab that needs it.
    /// </summary>
    internal static class ClientLoader
    {
        private static readonly LibraryLoader<IRecommenderClientFactory> Loader =
            new LibraryLoader<IRecommenderClientFactory>("IRSteps.Client", "IRSteps.Client.RecommenderClientFactory", "its AWS client", precompiled: true);

        public static IRecommenderClientFactory Factory => Loader.Factory;

        /// <summary>
        /// A client for the request from the factory; its debug messages first say where the client's code was loaded
        /// from (ReadyToRun images or the IL, and why when an image could not be used).
        /// </summary>
        public static IRecommenderClient Create(ConnectionRequest request)
        {
            IRecommenderClientFactory factory = Loader.Factory;
            if (request.Debug != null)
            {
                foreach (string line in Loader.LoadReport) request.Debug(line);
            }

            return factory.Create(request);
        }
    }
}
