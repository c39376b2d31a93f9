using System.Management.Automation;
using IRSteps.Emulation;
using IRSteps.Errors;

namespace IRSteps.Commands
{
    /// <summary>
    /// Start-IREmulator: a SageMaker emulator in this process on 127.0.0.1, with a key pair of its own. Its code
    /// (lib/IRSteps.Emulator.dll) loads now, on the first call, not when the module is imported.
    /// </summary>
    [Cmdlet(VerbsLifecycle.Start, "IREmulator")]
    [OutputType(typeof(SageMakerEmulator))]
    public sealed class StartIREmulatorCommand : PSCmdlet
    {
        /// <summary>The port on 127.0.0.1; 0 (the default) takes any free port.</summary>
        [Parameter(Position = 0)]
        [ValidateRange(0, 65535)]
        public int Port { get; set; }

        /// <summary>Starts with no job at all: only the jobs Add-IREmulatorJob adds exist.</summary>
        [Parameter]
        public SwitchParameter NoSampleJobs { get; set; }

        protected override void EndProcessing()
        {
            IRunningEmulator engine;
            try
            {
                engine = EmulatorLoader.Factory.Start(Port, !NoSampleJobs);
            }
            catch (IRStepsConfigurationException exception)
            {
                ThrowTerminatingError(ErrorRecordFactory.FromException(exception, Port));
                throw; // not reached: ThrowTerminatingError never returns
            }

            WriteVerbose("SageMaker emulator listening on " + engine.EndpointUrl + ", signatures checked against access key " + engine.AccessKey +
                         (NoSampleJobs ? "; no sample jobs." : "; sample jobs loaded."));
            WriteObject(new SageMakerEmulator(engine));
        }
    }
}
