using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using IRSteps.Emulator.Protocol;

namespace IRSteps.Emulator.Jobs
{
    /// <summary>
    /// A job added by Add-IREmulatorJob: the steps given, and a status that moves one place along its sequence with
    /// each Describe (the first Describe shows the first status; listings show what the last Describe showed), so a
    /// test of Wait-IRJob needs no clock. A stop turns the rest of the sequence into STOPPING (shown at once and by
    /// the next Describe), then STOPPED; the job's PENDING and IN_PROGRESS steps then read as STOPPED.
    /// </summary>
    internal sealed class ScriptedJob : JobBase
    {
        private readonly StoredStep[] steps;
        private readonly string failureReason;
        private readonly double created;
        private List<string> sequence;
        private int position;
        private bool shownSinceChange;
        private double lastModified;

        public ScriptedJob(string name, IEnumerable<StoredStep> steps, IEnumerable<string> statuses, string failureReason, double now)
            : base(name)
        {
            this.steps = steps.ToArray();
            sequence = statuses.ToList();
            if (sequence.Count == 0) sequence.Add("COMPLETED");
            this.failureReason = failureReason;
            created = now;
            lastModified = now;
        }

        public override double CreationTime => created;

        public override string JobDescription => null;

        public override string ModelName => null;

        protected override JobState NaturalState(double now) => Current();

        public override JobState State(double now)
        {
            lock (this)
            {
                return Current();
            }
        }

        public override JobState Describe(double now)
        {
            lock (this)
            {
                if (shownSinceChange && position < sequence.Count - 1)
                {
                    position++;
                    lastModified = now;
                }

                shownSinceChange = true;
                return Current();
            }
        }

        public override void Stop(double now)
        {
            lock (this)
            {
                string status = sequence[position];
                if (!ServiceEnums.IsStoppable(status))
                    throw ApiException.Validation("Inference recommendations job " + JobName + " cannot be stopped because it is in status " + status + ".");
                sequence = sequence.Take(position + 1).Concat(new[] { "STOPPING", "STOPPED" }).ToList();
                position++;
                lastModified = now;
                shownSinceChange = false;
            }
        }

        private JobState Current()
        {
            string status = sequence[position];
            return new JobState(
                status,
                lastModified,
                ServiceEnums.IsTerminal(status) ? lastModified : (double?)null,
                status == "FAILED" ? failureReason : null);
        }

        public override int StepCount => steps.Length;

        public override string StepType(int index) => steps[index].Type;

        public override string StepStatus(int index, double now) => steps[index].StatusWhile(State(now).Status);

        public override void WriteStep(Utf8JsonWriter w, int index, string status, double now) => steps[index].Write(w, status);

        public override void WriteDescribeExtras(Utf8JsonWriter w, string region)
        {
            w.WriteStartObject("InputConfig");
            w.WriteEndObject();
        }
    }
}
