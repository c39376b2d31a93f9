using System;
using System.IO;
using System.Reflection;
using IRSteps.Errors;
using IRSteps.Services;

namespace IRSteps.Emulation
{
    /// <summary>
    /// Loads IRSteps.Emulator.dll from the module's lib folder on the first Start-IREmulator, as the AWS engine is
    /// loaded: into a load context of its own on PowerShell 7 (System.Text.Json from the runtime, IRSteps.dll shared),
    /// through the lib/ resolver on Windows PowerShell. Import-Module never touches it.
    /// </summary>
    internal static class EmulatorLoader
    {
        private const string AssemblyName = "IRSteps.Emulator";
        private const string FactoryTypeName = "IRSteps.Emulator.Contract.EmulatorFactory";
        private static readonly object Gate = new object();
        private static IEmulatorFactory factory;

        /// <summary>Set by tests or hosts that construct the factory themselves.</summary>
        internal static IEmulatorFactory Override { get; set; }

        public static IEmulatorFactory Factory
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

        private static IEmulatorFactory Load()
        {
            string libDirectory = EngineLoader.LibDirectory;
            string path = Path.Combine(libDirectory, AssemblyName + ".dll");
            try
            {
                Assembly emulator = EngineLoader.IsCoreClr
                    ? IsolatedLoader.LoadEngine(libDirectory, path)
                    : DesktopLoader.LoadEngine(libDirectory, path);
                return (IEmulatorFactory)Activator.CreateInstance(emulator.GetType(FactoryTypeName, throwOnError: true));
            }
            catch (Exception exception) when (!(exception is IRStepsConfigurationException))
            {
                throw new IRStepsConfigurationException(
                    ErrorIds.ModuleLoadFailed,
                    "IRSteps could not load its emulator from '" + libDirectory + "': " + exception.Message +
                    " Reinstall the module; its lib folder must ship beside IRSteps.dll.",
                    exception);
            }
        }
    }
}
