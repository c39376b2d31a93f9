using System;
using System.Management.Automation;
using IRSteps.Completion;
using IRSteps.Contract;
using IRSteps.Errors;
using IRSteps.Model;
using IRSteps.Validation;

namespace IRSteps.Commands
{
    /// <summary>
    /// Stop-IRJob: StopInferenceRecommendationsJob for each job, in the order given, each confirmed on its own
    /// (SupportsShouldProcess: -WhatIf sends nothing).
    /// With -PassThru, the job's description after the request (STOPPING, as a rule).
    /// </summary>
    [Cmdlet(VerbsLifecycle.Stop, "IRJob", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(DescribeInferenceRecommendationsJobResponse))]
    public sealed class StopIRJobCommand : IRStepsCmdletBase
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [JobNameTransformation]
        [ArgumentCompleter(typeof(JobNameCompleter))]
        public string[] JobName { get; set; } = Array.Empty<string>();

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecordCore()
        {
            foreach (string jobName in JobName) Stop(jobName);
        }

        private void Stop(string jobName)
        {
            if (!AcceptJobName(jobName) || !ShouldProcess(jobName, "Stop Inference Recommender job")) return;

            IRecommenderClient client = Client(jobName);
            try
            {
                Await(client.StopInferenceRecommendationsJobAsync(new StopInferenceRecommendationsJobRequest { JobName = jobName }, CancellationToken));

                if (PassThru)
                {
                    WriteObject(Await(client.DescribeInferenceRecommendationsJobAsync(
                        new DescribeInferenceRecommendationsJobRequest { JobName = jobName }, CancellationToken)));
                }
            }
            catch (IRStepsServiceException exception)
            {
                WriteItemError(exception, jobName);
            }
        }
    }
}
