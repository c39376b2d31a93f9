using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Management.Automation;
using IRSteps.Completion;
using IRSteps.Contract;
using IRSteps.Errors;
using IRSteps.Model;
using IRSteps.Streams;
using IRSteps.Waiting;

namespace IRSteps.Commands
{
    /// <summary>
    /// Wait-IRJob: waits until Inference Recommender jobs reach a terminal status (COMPLETED, FAILED, STOPPED,
    /// DELETED) and writes each one's final description as it finishes. Every job piped in is waited on at once
    /// (each poll looks at each job in turn), with one progress bar per job showing its status and steps done.
    /// A FAILED job is written and then reported as a JobFailed error carrying its FailureReason; a job still
    /// running at -Timeout gets an OperationTimeout error. Ctrl+C ends the wait at once.
    /// </summary>
    [Cmdlet(VerbsLifecycle.Wait, "IRJob")]
    [OutputType(typeof(DescribeInferenceRecommendationsJobResponse))]
    public sealed class WaitIRJobCommand : IRStepsCmdletBase
    {
        public const double DefaultPollIntervalSeconds = 15;

        private readonly List<WaitedJob> jobs = new List<WaitedJob>();
        private readonly HashSet<string> names = new HashSet<string>(StringComparer.Ordinal);
        private int? activityRoom;

        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(JobNameCompleter))]
        public string? JobName { get; set; }

        /// <summary>Seconds to wait in all before giving up on the jobs still running; no limit when absent.</summary>
        [Parameter]
        [ValidateRange(1, int.MaxValue)]
        public int? Timeout { get; set; }

        /// <summary>Seconds between two looks at the jobs.</summary>
        [Parameter]
        [ValidateRange(0.1, 3600.0)]
        public double PollInterval { get; set; } = DefaultPollIntervalSeconds;

        protected override void ProcessRecordCore()
        {
            // Collect first, wait in EndProcessing: jobs piped in are waited on together, not one after the other.
            if (!AcceptJobName(JobName)) return;

            if (!names.Add(JobName))
            {
                WriteVerbose("Job '" + JobName + "' is already being waited on.");
                return;
            }

            // The service is taken now, with the connection parameters bound for this job.
            jobs.Add(new WaitedJob(JobName, jobs.Count + 1, Client(JobName)));
        }

        protected override void EndProcessingCore()
        {
            if (jobs.Count == 0) return;
            activityRoom = ProgressActivity.Room(Host, SessionState);
            var clock = Stopwatch.StartNew();
            TimeSpan? limit = Timeout.HasValue ? TimeSpan.FromSeconds(Timeout.Value) : (TimeSpan?)null;
            TimeSpan interval = TimeSpan.FromSeconds(PollInterval);
            var waiting = new List<WaitedJob>(jobs);

            while (true)
            {
                foreach (WaitedJob job in waiting.ToArray())
                {
                    if (!Check(job, clock.Elapsed, limit)) waiting.Remove(job);
                }

                if (waiting.Count == 0) return;

                TimeSpan pause = interval;
                if (limit.HasValue)
                {
                    TimeSpan left = limit.Value - clock.Elapsed;
                    if (left <= TimeSpan.Zero)
                    {
                        foreach (WaitedJob job in waiting) GiveUp(job, limit.Value);
                        return;
                    }

                    if (left < pause) pause = left;
                }

                // Wait on the cancellation token, not Thread.Sleep: Ctrl+C ends the pause at once.
                if (CancellationToken.WaitHandle.WaitOne(pause)) return;
            }
        }

        /// <summary>One look at a job; false once the job needs no more waiting (finished or in error).</summary>
        private bool Check(WaitedJob job, TimeSpan waited, TimeSpan? limit)
        {
            JobCheck check;
            try
            {
                check = Await(JobCheck.RunAsync(job.Client, job.Name, CancellationToken));
            }
            catch (IRStepsServiceException exception) when (JobStatuses.IsTransient(exception.Kind))
            {
                WriteWarning("Could not check job '" + job.Name + "' (" + exception.Message + "); trying again at the next poll.");
                return true;
            }
            catch (IRStepsServiceException exception)
            {
                EndProgress(job, "error");
                WriteItemError(exception, job.Name);
                return false;
            }

            job.LastStatus = check.Job.Status;
            job.LastSteps = check.Steps;
            WriteVerbose(string.Format(CultureInfo.InvariantCulture, "Job '{0}': {1} after {2:0.0} s (request id {3})",
                job.Name, check.StatusText, waited.TotalSeconds, check.Job.RequestId ?? "none"));

            if (check.IsFinished)
            {
                EndProgress(job, check.Job.Status);
                WriteObject(check.Job);
                if (check.Job.Status == JobStatuses.Failed) WriteError(Failed(check.Job));
                return false;
            }

            if (check.StepsError != null)
            {
                if (!job.StepsWarned)
                {
                    WriteWarning("Could not count the steps of job '" + job.Name + "' (" + check.StepsError.Message + "); the wait goes on with the job's status only.");
                    job.StepsWarned = true;
                }
            }
            else
            {
                job.StepsWarned = false;
            }

            var record = new ProgressRecord(job.ActivityId, Activity(job), check.StatusText)
            {
                PercentComplete = check.Steps?.PercentComplete ?? -1,
                CurrentOperation = limit.HasValue
                    ? string.Format(CultureInfo.InvariantCulture, "Waited {0:0} s of {1:0} s", waited.TotalSeconds, limit.Value.TotalSeconds)
                    : string.Format(CultureInfo.InvariantCulture, "Waited {0:0} s", waited.TotalSeconds),
            };
            WriteProgress(record);
            return true;
        }

        private void GiveUp(WaitedJob job, TimeSpan limit)
        {
            EndProgress(job, "timed out");
            string state = job.LastStatus == null ? "in a status no check could read" : job.LastSteps == null ? job.LastStatus : job.LastStatus + " (" + job.LastSteps + ")";
            string message = string.Format(CultureInfo.InvariantCulture,
                "Job '{0}' was still {1} when the wait ended after {2:0} s (-Timeout). It goes on running: wait again with a longer -Timeout, or stop it with Stop-IRJob.",
                job.Name, state, limit.TotalSeconds);
            WriteError(ErrorRecordFactory.FromException(
                new IRStepsJobException(ErrorIds.OperationTimeout, job.Name, job.LastStatus, null, message), job.Name));
        }

        private static ErrorRecord Failed(DescribeInferenceRecommendationsJobResponse job)
        {
            string? reason = string.IsNullOrEmpty(job.FailureReason) ? "the service gave no reason" : job.FailureReason;
            string message = "Job '" + job.JobName + "' FAILED: " + reason +
                             " (Get-IRJobStep -JobName " + job.JobName + " -Status FAILED shows the benchmarks that failed.)";
            return ErrorRecordFactory.FromException(
                new IRStepsJobException(ErrorIds.JobFailed, job.JobName, job.Status, job.FailureReason, message), job.JobName);
        }

        private void EndProgress(WaitedJob job, string? status)
        {
            WriteProgress(new ProgressRecord(job.ActivityId, Activity(job), status) { RecordType = ProgressRecordType.Completed });
        }

        /// <summary>The bar's activity is the job's name, whole when the console has room for it (see ProgressActivity).</summary>
        private string Activity(WaitedJob job) => ProgressActivity.Fit(job.Name, activityRoom);

        private sealed class WaitedJob
        {
            public WaitedJob(string name, int activityId, IRecommenderClient client)
            {
                Name = name;
                ActivityId = activityId;
                Client = client;
            }

            public string Name { get; }
            public int ActivityId { get; }
            public IRecommenderClient Client { get; }
            public string? LastStatus { get; set; }
            public StepTally? LastSteps { get; set; }
            public bool StepsWarned { get; set; }
        }
    }
}
