using System.Management.Automation;
using IRSteps.Emulation;
using IRSteps.Errors;
using IRSteps.Validation;

namespace IRSteps.Commands
{
    /// <summary>
    /// Add-IREmulatorFault: the next -Count requests (for -JobName, or any job; for -Operation, or any operation)
    /// fail as -Kind says, so that a runbook's retry and error paths can be tested.
    /// </summary>
    [Cmdlet(VerbsCommon.Add, "IREmulatorFault")]
    [OutputType(typeof(void))]
    public sealed class AddIREmulatorFaultCommand : PSCmdlet
    {
        [Parameter(Mandatory = true, Position = 0)]
        public SageMakerEmulator Emulator { get; set; } = null!;

        [Parameter]
        public string? JobName { get; set; }

        [Parameter(Mandatory = true)]
        [ValidateSet("Throttle", "ServiceUnavailable", "AccessDenied", "Timeout")]
        public string Kind { get; set; } = null!;

        [Parameter]
        [ValidateSet("ListInferenceRecommendationsJobSteps", "ListInferenceRecommendationsJobs", "DescribeInferenceRecommendationsJob", "StopInferenceRecommendationsJob")]
        public string? Operation { get; set; }

        [Parameter]
        [ValidateRange(1, int.MaxValue)]
        public int Count { get; set; } = 1;

        protected override void EndProcessing()
        {
            EmulatorInUse.ThrowIfStopped(this, Emulator);
            if (JobName != null && !JobNames.IsValid(JobName))
                ThrowTerminatingError(ErrorRecordFactory.InvalidArgument(ErrorIds.InvalidJobName, JobNames.Problem(JobName), JobName));

            Emulator.Engine.AddFault(Kind, Operation, JobName, Count);
            WriteVerbose("The next " + Count + " requests" + (Operation == null ? string.Empty : " of " + Operation) +
                         (JobName == null ? string.Empty : " for job " + JobName) + " get " + Kind + ".");
        }
    }
}
