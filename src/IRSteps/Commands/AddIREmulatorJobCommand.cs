using System.Collections.Generic;
using System.Management.Automation;
using IRSteps.Completion;
using IRSteps.Emulation;
using IRSteps.Errors;
using IRSteps.Model;
using IRSteps.Validation;

namespace IRSteps.Commands
{
    /// <summary>
    /// Add-IREmulatorJob: a job in an emulator, with the steps given (the module's own objects, or objects read back
    /// from Export-Clixml or ConvertTo-Json), whose status moves one place along -StatusSequence with each Describe.
    /// Steps may come from the pipeline: they all go into the one job, added at the end.
    /// </summary>
    [Cmdlet(VerbsCommon.Add, "IREmulatorJob", DefaultParameterSetName = StatusSet)]
    [OutputType(typeof(void))]
    public sealed class AddIREmulatorJobCommand : PSCmdlet
    {
        private const string StatusSet = "Status";
        private const string SequenceSet = "StatusSequence";
        private readonly List<InferenceRecommendationsJobStep> steps = new List<InferenceRecommendationsJobStep>();

        [Parameter(Mandatory = true, Position = 0)]
        public SageMakerEmulator Emulator { get; set; } = null!;

        [Parameter(Mandatory = true, Position = 1)]
        public string JobName { get; set; } = null!;

        [Parameter(ValueFromPipeline = true)]
        [StepTransformation]
        public InferenceRecommendationsJobStep[]? Step { get; set; }

        [Parameter(ParameterSetName = StatusSet)]
        [ArgumentCompleter(typeof(JobStatusCompleter))]
        public string Status { get; set; } = "COMPLETED";

        [Parameter(Mandatory = true, ParameterSetName = SequenceSet)]
        [ValidateCount(1, 100)]
        [ArgumentCompleter(typeof(JobStatusCompleter))]
        public string[]? StatusSequence { get; set; }

        [Parameter]
        public string? FailureReason { get; set; }

        private List<string>? statuses;

        protected override void BeginProcessing()
        {
            EmulatorInUse.ThrowIfStopped(this, Emulator);
            if (!JobNames.IsValid(JobName))
                ThrowTerminatingError(ErrorRecordFactory.InvalidArgument(ErrorIds.InvalidJobName, JobNames.Problem(JobName), JobName));

            statuses = new List<string>();
            string parameter = ParameterSetName == SequenceSet ? nameof(StatusSequence) : nameof(Status);
            foreach (string status in ParameterSetName == SequenceSet ? StatusSequence! : new[] { Status })
            {
                if (!ServiceValues.JobStatus.TryNormalize(parameter, status, out string? normalized, out string? problem) || normalized == null)
                    ThrowTerminatingError(ErrorRecordFactory.InvalidArgument(ErrorIds.InvalidParameter, problem ?? "-" + parameter + " holds an empty status.", status));
                statuses.Add(normalized!); // not null: the line above ends the command otherwise
            }
        }

        protected override void ProcessRecord()
        {
            if (Step != null) steps.AddRange(Step);
        }

        protected override void EndProcessing()
        {
            EmulatorInUse.ThrowIfStopped(this, Emulator);
            Emulator.Engine.AddJob(JobName, steps, statuses!, FailureReason); // set in BeginProcessing
            WriteVerbose("Job " + JobName + " added to the emulator on " + Emulator.EndpointUrl + ": " + steps.Count + " steps, status " +
                         string.Join(" > ", statuses) + ".");
        }
    }
}
