using System.Management.Automation;
using IRSteps.Emulation;

namespace IRSteps.Commands
{
    /// <summary>
    /// Get-IREmulatorRequest: the requests an emulator received, oldest first, one object each (a stopped emulator's
    /// too, so that a test can read them after it stopped it).
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "IREmulatorRequest")]
    [OutputType(typeof(EmulatorRequest))]
    public sealed class GetIREmulatorRequestCommand : PSCmdlet
    {
        [Parameter(Mandatory = true, Position = 0)]
        public SageMakerEmulator Emulator { get; set; } = null!;

        protected override void EndProcessing()
        {
            foreach (EmulatorRequest request in Emulator.Engine.Requests())
            {
                WriteObject(request);
            }
        }
    }
}
