using System;
using System.IO;
using System.Reflection;
using IRSteps.Contract;
using IRSteps.Errors;

namespace IRSteps.Loading
{
    /// <summary>
    /// Loads IRSteps.Client and the AWS SDK from the module's lib folder on first use. On PowerShell 7
    /// they go into an AssemblyLoadContext of their own, so another module's AWSSDK.Core (any version)
    /// and ours never meet. Windows PowerShell has no such isolation: there an AssemblyResolve handler
    /// serves our copies when nothing else has loaded them first.
    /// </summary>
    internal static class ClientLoader
    {
        private const string ClientAssemblyName = "IRSteps.Client";
        private const string FactoryTypeName = "IRSteps.Client.RecommenderClientFactory";
        private static readonly object Gate = new object();
        private static IRecommenderClientFactory? factory;

        /// <summary>Set by tests or hosts that construct the factory themselves.</summary>
        internal static IRecommenderClientFactory? Override { get; set; }

        public static string LibDirectory =>
            Path.Combine(Path.GetDirectoryName(typeof(ClientLoader).Assembly.Location) ?? ".", "lib");

        public static IRecommenderClientFactory Factory
        {
            get
            {
                if (Override != null) return Override;
                lock (Gate)
                {
                    return factory ?? (factory = Load());
                }
            }
        }

        private static IRecommenderClientFactory Load()
        {
            string libDirectory = LibDirectory;
            string clientPath = Path.Combine(libDirectory, ClientAssemblyName + ".dll");
            try
            {
                Assembly client = IsCoreClr
                    ? IsolatedLoader.LoadClient(libDirectory, clientPath)
                    : DesktopLoader.LoadClient(libDirectory, clientPath);
                Type type = client.GetType(FactoryTypeName, throwOnError: true);
                return (IRecommenderClientFactory)Activator.CreateInstance(type);
            }
            catch (Exception exception) when (!(exception is IRStepsConfigurationException))
            {
                throw new IRStepsConfigurationException(
                    ErrorIds.ModuleLoadFailed,
                    "IRSteps could not load its AWS client from '" + libDirectory + "': " + exception.Message +
                    " Reinstall the module; its lib folder must ship beside IRSteps.dll.",
                    exception);
            }
        }

        private static bool IsCoreClr =>
            !System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription.StartsWith(".NET Framework", StringComparison.Ordinal);
    }
}
