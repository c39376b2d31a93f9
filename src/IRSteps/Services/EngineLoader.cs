using System;
using System.Collections.Concurrent;
using System.IO;
using System.Reflection;
using IRSteps.Errors;

namespace IRSteps.Services
{
    /// <summary>
    /// Loads IRSteps.Client and the AWS SDK from the module's lib folder on first use. On PowerShell 7
    /// they go into an AssemblyLoadContext of their own, so another module's AWSSDK.Core (any version)
    /// and ours never meet. Windows PowerShell has no such isolation: there an AssemblyResolve handler
    /// serves our copies when nothing else has loaded them first.
    /// </summary>
    internal static class EngineLoader
    {
        private const string EngineAssemblyName = "IRSteps.Client";
        private const string FactoryTypeName = "IRSteps.Client.RecommenderServiceFactory";
        private static readonly object Gate = new object();
        private static readonly ConcurrentQueue<string> LoadReport = new ConcurrentQueue<string>();
        private static IRecommenderServiceFactory factory;

        /// <summary>Set by tests or hosts that construct the factory themselves.</summary>
        internal static IRecommenderServiceFactory Override { get; set; }

        public static string LibDirectory =>
            Path.Combine(Path.GetDirectoryName(typeof(EngineLoader).Assembly.Location) ?? ".", "lib");

        public static IRecommenderServiceFactory Factory
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

        /// <summary>
        /// A service for the request from the factory; its -Debug output first says where the engine's code was
        /// loaded from (ReadyToRun images or the IL, and any image that did not load).
        /// </summary>
        public static IRecommenderService Create(ConnectionRequest request)
        {
            IRecommenderServiceFactory engine = Factory;
            if (request.Debug != null)
            {
                foreach (string line in LoadReport) request.Debug(line);
            }

            return engine.Create(request);
        }

        private static IRecommenderServiceFactory Load()
        {
            string libDirectory = LibDirectory;
            string enginePath = Path.Combine(libDirectory, EngineAssemblyName + ".dll");
            try
            {
                Assembly engine = IsCoreClr
                    ? IsolatedLoader.LoadEngine(libDirectory, EngineAssemblyName, LoadReport.Enqueue)
                    : DesktopLoader.LoadEngine(libDirectory, enginePath);
                Type type = engine.GetType(FactoryTypeName, throwOnError: true);
                return (IRecommenderServiceFactory)Activator.CreateInstance(type);
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

        internal static bool IsCoreClr =>
            !System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription.StartsWith(".NET Framework", StringComparison.Ordinal);
    }
}
