using System.Globalization;

namespace IRSteps.Waiting
{
    /// <summary>How many of a job's steps there are and how many are done (in a terminal status), failed included.</summary>
    internal sealed class StepTally
    {
        public int Total { get; private set; }
        public int Done { get; private set; }
        public int Failed { get; private set; }

        public void Add(string? stepStatus)
        {
            Total++;
            if (JobStatuses.IsTerminal(stepStatus)) Done++;
            if (stepStatus == JobStatuses.Failed) Failed++;
        }

        /// <summary>0 to 100, or -1 while the job has no steps yet.</summary>
        public int PercentComplete => Total == 0 ? -1 : Done * 100 / Total;

        /// <summary>"2 of 5 steps done", "2 of 5 steps done (1 failed)", "no steps yet".</summary>
        public override string ToString()
        {
            if (Total == 0) return "no steps yet";
            string text = string.Format(CultureInfo.InvariantCulture, "{0} of {1} {2} done", Done, Total, Total == 1 ? "step" : "steps");
            return Failed == 0 ? text : text + string.Format(CultureInfo.InvariantCulture, " ({0} failed)", Failed);
        }
    }
}
