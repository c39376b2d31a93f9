using System.Management.Automation;
using IRSteps.Emulation;

namespace IRSteps.Commands
{
    /// <summary>Stop-IREmulator: stops emulators and frees their ports; stopping one already stopped does nothing.</summary>
    [Cmdlet(VerbsLifecycle.Stop, "IREmulator")]
    [OutputType(typeof(void))]
    public sealed class StopIREmulatorCommand : PSCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        public SageMakerEmulator[] Emulator { get; set; } = null!;

        protected override void ProcessRecord()
        {
            foreach (SageMakerEmulator emulator in Emulator)
            {
                if (emulator == null || !emulator.IsRunning) continue;
                emulator.Engine.Dispose();
                WriteVerbose("SageMaker emulator on " + emulator.EndpointUrl + " stopped.");
            }
        }
    }
}
