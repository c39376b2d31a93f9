using System.Management.Automation;
using IRSteps.Completion;
using IRSteps.Contract;
using IRSteps.Errors;
using IRSteps.Model;

namespace IRSteps.Commands
{
    /// <summary>
    /// Stop-IRJob: StopInferenceRecommendationsJob for each job (SupportsShouldProcess: -WhatIf sends nothing).
    /// With -PassThru, the job's description after the request (STOPPING, as a rule).
    /// </summary>
    [Cmdlet(VerbsLifecycle.Stop, "IRJob", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(DescribeInferenceRecommendationsJobResponse))]
    public sealed class StopIRJobCommand : IRStepsCmdletBase
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(JobNameCompleter))]
        public string? JobName { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecordCore()
        {
            if (!AcceptJobName(JobName) || !ShouldProcess(JobName, "Stop Inference Recommender job")) return;

            IRecommenderClient client = Client(JobName);
            try
            {
                Await(client.StopInferenceRecommendationsJobAsync(new StopInferenceRecommendationsJobRequest { JobName = JobName }, CancellationToken));

                if (PassThru)
                {
                    WriteObject(Await(client.DescribeInferenceRecommendationsJobAsync(
                        new DescribeInferenceRecommendationsJobRequest { JobName = JobName }, CancellationToken)));
                }
            }
            catch (IRStepsServiceException exception)
            {
                WriteItemError(exception, JobName);
            }
        }
    }
}
