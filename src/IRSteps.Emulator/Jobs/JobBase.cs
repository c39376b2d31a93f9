using System.Text.Json;
using IRSteps.Emulator.Protocol;

namespace IRSteps.Emulator.Jobs
{
    /// <summary>A job's state as seen at one instant.</summary>
    internal readonly struct JobState
    {
        public JobState(string status, double lastModifiedTime, double? completionTime, string failureReason)
        {
            Status = status;
            LastModifiedTime = lastModifiedTime;
            CompletionTime = completionTime;
            FailureReason = failureReason;
        }

        public string Status { get; }

        public double LastModifiedTime { get; }

        public double? CompletionTime { get; }

        public string FailureReason { get; }
    }

    /// <summary>
    /// What every kind of job has: fixture (the sample jobs of jobs.json), dynamic (the control API's, state computed
    /// from elapsed time), synthetic (synthetic-N, generated on demand) and scripted (Add-IREmulatorJob's, advanced by
    /// each Describe).
    /// </summary>
    internal abstract class JobBase
    {
        /// <summary>A job stopped by time reports STOPPING for this long, then STOPPED.</summary>
        public const double StoppingSeconds = 0.3;

        protected JobBase(string jobName)
        {
            JobName = jobName;
        }

        public string JobName { get; }

        public abstract double CreationTime { get; }

        public virtual string JobType => "Default";

        public abstract string JobDescription { get; }

        public virtual string RoleArn => "arn:aws:iam::" + JobStore.AccountId + ":role/IRStepsEmulatorRole";

        public abstract string ModelName { get; }

        public virtual string ModelPackageVersionArn => null;

        public virtual string SamplePayloadUrl => null;

        /// <summary>When StopInferenceRecommendationsJob was called (epoch seconds), else null; reset clears it.</summary>
        public double? StopRequestedAt { get; set; }

        /// <summary>The state ignoring any stop request.</summary>
        protected abstract JobState NaturalState(double now);

        /// <summary>The state a listing shows.</summary>
        public virtual JobState State(double now)
        {
            if (!(StopRequestedAt is double stop)) return NaturalState(now);
            if (now - stop < StoppingSeconds) return new JobState("STOPPING", stop, null, null);
            return new JobState("STOPPED", stop + StoppingSeconds, stop + StoppingSeconds, null);
        }

        /// <summary>The state DescribeInferenceRecommendationsJob shows (a scripted job moves on with each one).</summary>
        public virtual JobState Describe(double now) => State(now);

        /// <summary>StopInferenceRecommendationsJob: a PENDING or IN_PROGRESS job stops; anything else is refused.</summary>
        public virtual void Stop(double now)
        {
            lock (this)
            {
                string status = State(now).Status;
                if (!ServiceEnums.IsStoppable(status))
                    throw ApiException.Validation("Inference recommendations job " + JobName + " cannot be stopped because it is in status " + status + ".");
                StopRequestedAt = now;
            }
        }

        /// <summary>Undoes a stop (the control API's reset).</summary>
        public virtual void Reset() => StopRequestedAt = null;

        /// <summary>The time step progress is computed at: progress freezes when a stop is requested.</summary>
        protected double ProgressTime(double now) => StopRequestedAt is double stop && stop < now ? stop : now;

        public abstract int StepCount { get; }

        public virtual string StepType(int index) => "BENCHMARK";

        public abstract string StepStatus(int index, double now);

        public abstract void WriteStep(Utf8JsonWriter w, int index, string status, double now);

        /// <summary>
        /// Writes the matching steps [offset, offset + max) and returns the offset of the next page, or -1 after the
        /// last. Fixture, dynamic and scripted jobs are small: filtering is a scan; synthetic jobs index directly.
        /// </summary>
        public virtual int WritePage(Utf8JsonWriter w, string status, string stepType, int offset, int max, double now)
        {
            int matched = 0;
            int written = 0;
            for (int i = 0; i < StepCount; i++)
            {
                if (stepType != null && StepType(i) != stepType) continue;
                string s = StepStatus(i, now);
                if (status != null && s != status) continue;
                if (matched++ < offset) continue;
                if (written == max) return offset + written;
                WriteStep(w, i, s, now);
                written++;
            }

            return -1;
        }

        /// <summary>Describe members beyond the summary ones (InputConfig, StoppingConditions, ...).</summary>
        public abstract void WriteDescribeExtras(Utf8JsonWriter w, string region);

        public string JobArn(string region) => "arn:aws:sagemaker:" + region + ":" + JobStore.AccountId + ":inference-recommendations-job/" + JobName;
    }
}
