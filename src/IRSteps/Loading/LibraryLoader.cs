using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Reflection;
using IRSteps.Errors;

namespace IRSteps.Loading
{
    /// <summary>
    /// Loads one assembly of the module's lib folder on first use and creates its factory by name: on PowerShell 7
    /// into an AssemblyLoadContext of its own (<see cref="IsolatedLoader"/>), so another module's copies of what it
    /// references (AWSSDK.Core, any version) never meet ours; on Windows PowerShell through the lib/ resolver
    /// (<see cref="DesktopLoader"/>). Import-Module never touches lib/. An assembly built ahead of time (the client)
    /// loads from its ReadyToRun images where lib/r2r has them for this runtime and platform.
    /// </summary>
    internal sealed class LibraryLoader<TFactory> where TFactory : class
    {
        private readonly object gate = new object();
        private readonly string assemblyName;
        private readonly string factoryTypeName;
        private readonly string what;
        private readonly bool precompiled;
        private readonly ConcurrentQueue<string> loadReport = new ConcurrentQueue<string>();
        private TFactory? factory;

        /// <param name="what">What the assembly is to the module, for the error ("its AWS client").</param>
        /// <param name="precompiled">Whether lib/r2r holds ReadyToRun images of it (<see cref="IsolatedLoader"/>).</param>
        public LibraryLoader(string assemblyName, string factoryTypeName, string what, bool precompiled = false)
        {
            this.assemblyName = assemblyName;
            this.factoryTypeName = factoryTypeName;
            this.what = what;
            this.precompiled = precompiled;
        }

        /// <summary>Where the loaded code came from, as debug lines (none before the first load, nor on Windows PowerShell).</summary>
        public IEnumerable<string> LoadReport => loadReport;

        public static string LibDirectory =>
            Path.Combine(Path.GetDirectoryName(typeof(LibraryLoader<TFactory>).Assembly.Location) ?? ".", "lib");

        /// <summary>The factory, loaded on first use; throws ModuleLoadFailed when lib/ cannot give it.</summary>
        public TFactory Factory
        {
            get
            {
                lock (gate)
                {
                    return factory ?? (factory = Load());
                }
            }
        }

        private TFactory Load()
        {
            string libDirectory = LibDirectory;
            string path = Path.Combine(libDirectory, assemblyName + ".dll");
            try
            {
                Assembly assembly = !IsCoreClr ? DesktopLoader.Load(libDirectory, path)
                    : precompiled ? IsolatedLoader.LoadPrecompiled(libDirectory, assemblyName, loadReport.Enqueue)
                    : IsolatedLoader.Load(libDirectory, path);
                return (TFactory)Activator.CreateInstance(assembly.GetType(factoryTypeName, throwOnError: true));
            }
            catch (Exception exception) when (!(exception is IRStepsConfigurationException))
            {
                throw new IRStepsConfigurationException(
                    ErrorIds.ModuleLoadFailed,
                    "IRSteps could not load " + what + " from '" + libDirectory + "': " + exception.Message +
                    " Reinstall the module; its lib folder must ship beside IRSteps.dll.",
                    exception);
            }
        }

        private static bool IsCoreClr =>
            !System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription.StartsWith(".NET Framework", StringComparison.Ordinal);
    }
}
