using IRSteps.Loading;

namespace IRSteps.Emulation
{
    /// <summary>
    /// Loads IRSteps.Emulator.dll from the module's lib folder on the first Start-IREmulator, as the client is
    /// loaded: into a load context of its own on PowerShell 7 (System.Text.Json from the runtime, IRSteps.dll shared),
    /// through the lib/ resolver on Windows PowerShell. Import-Module never touches it.
    /// </summary>
    internal static class EmulatorLoader
    {
        private static readonly LibraryLoader<IEmulatorFactory> Loader =
            new LibraryLoader<IEmulatorFactory>("IRSteps.Emulator", "IRSteps.Emulator.Contract.EmulatorFactory", "its emulator");

        public static IEmulatorFactory Factory => Loader.Factory;
    }
}
