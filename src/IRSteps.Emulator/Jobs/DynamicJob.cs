using System;
using System.Text.Json;

namespace IRSteps.Emulator.Jobs
{
    /// <summary>
    /// A job created through POST /__emulator/jobs: PENDING for one phase, then IN_PROGRESS with one step completing
    /// per phase, then COMPLETED (or FAILED, its last step failing). Everything is computed from elapsed time.
    /// </summary>
    internal sealed class DynamicJob : JobBase
    {
        public const string StepFailureReason = "Benchmark failed: the model container exited with code 137 (out of memory).";
        public const string JobFailureReason = "One or more benchmarks failed. See the job's steps for details.";

        private readonly int steps;
        private readonly bool fail;
        private readonly double phase;
        private readonly double created;
        private readonly ulong seed;

        public DynamicJob(string name, int steps, bool fail, double phaseSeconds, double created)
            : base(name)
        {
            this.steps = steps;
            this.fail = fail;
            phase = phaseSeconds;
            this.created = created;
            seed = StepGenerator.Seed(name);
        }

        public override double CreationTime => created;

        public override string JobDescription => "Dynamic job created through the emulator control API";

        public override string ModelName => "dynamic-model";

        public override int StepCount => steps;

        /// <summary>Step i finishes at created + phase * (i + 2); the job ends when its last step does.</summary>
        private double StepDone(int i) => created + (phase * (i + 2));

        private double JobDone => created + (phase * (steps + 1));

        protected override JobState NaturalState(double now)
        {
            if (now < created + phase) return new JobState("PENDING", created, null, null);
            if (now < JobDone)
            {
                // LastModifiedTime moves with each completed step.
                int done = phase > 0 ? (int)Math.Floor((now - created) / phase) - 1 : steps;
                double last = done <= 0 ? created + phase : StepDone(Math.Min(done, steps) - 1);
                return new JobState("IN_PROGRESS", last, null, null);
            }

            return fail && steps > 0
                ? new JobState("FAILED", JobDone, JobDone, JobFailureReason)
                : new JobState("COMPLETED", JobDone, JobDone, null);
        }

        public override string StepStatus(int index, double now)
        {
            if (ProgressTime(now) >= StepDone(index)) return fail && index == steps - 1 ? "FAILED" : "COMPLETED";
            return State(now).Status == "STOPPED" ? "STOPPED" : "PENDING";
        }

        public override void WriteStep(Utf8JsonWriter w, int index, string status, double now) =>
            StepGenerator.WriteStep(w, JobName, seed, index, status, StepDone(index) - (Math.Max(phase, 0.001) / 2),
                withEndpointMetrics: false, failureReason: status == "FAILED" ? StepFailureReason : null);

        public override void WriteDescribeExtras(Utf8JsonWriter w, string region)
        {
            w.WriteStartObject("InputConfig");
            w.WriteString("ModelName", ModelName);
            w.WriteNumber("JobDurationInSeconds", 7200);
            w.WriteEndObject();
        }
    }
}
