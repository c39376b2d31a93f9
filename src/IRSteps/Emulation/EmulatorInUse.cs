using System;
using System.Management.Automation;
using IRSteps.Emulation;
using IRSteps.Errors;

namespace IRSteps.Emulation
{
    /// <summary>The check every cmdlet that works on an emulator makes first.</summary>
    internal static class EmulatorInUse
    {
        /// <summary>Ends the command with EmulatorStopped when the emulator has been stopped.</summary>
        public static void ThrowIfStopped(Cmdlet cmdlet, SageMakerEmulator emulator)
        {
            if (emulator.IsRunning) return;
            var exception = new InvalidOperationException(
                "The emulator on " + emulator.EndpointUrl + " has been stopped. Start another with Start-IREmulator.");
            cmdlet.ThrowTerminatingError(new ErrorRecord(exception, ErrorIds.EmulatorStopped, ErrorCategory.InvalidOperation, emulator));
        }
    }
}
