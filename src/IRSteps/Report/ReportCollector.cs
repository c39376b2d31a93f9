#nullable disable // not annotated yet: docs/ARCHITECTURE.md, Habits
using System;
using System.Collections.Generic;
using IRSteps.Model;

namespace IRSteps.Report
{
    /// <summary>
    /// Gathers steps and jobs, in any order and mix, into one <see cref="ReportJob"/> per job name: jobs in the
    /// order their name first came, steps in the order they came. A whole job given after its summary (or the other
    /// way round) keeps the whole one.
    /// </summary>
    public sealed class ReportCollector
    {
        private readonly List<ReportJob> jobs = new List<ReportJob>();
        private readonly Dictionary<string, ReportJob> byName = new Dictionary<string, ReportJob>(StringComparer.Ordinal);
        private ReportJob unnamed;

        public IReadOnlyList<ReportJob> Jobs => jobs;

        public int StepCount { get; private set; }

        public void Add(InferenceRecommendationsJobStep step)
        {
            if (step == null) throw new ArgumentNullException(nameof(step));
            JobNamed(step.JobName).Steps.Add(step);
            StepCount++;
        }

        public void Add(DescribeInferenceRecommendationsJobResponse job)
        {
            if (job == null) throw new ArgumentNullException(nameof(job));
            JobNamed(job.JobName).Description = job;
        }

        public void Add(InferenceRecommendationsJob job)
        {
            if (job == null) throw new ArgumentNullException(nameof(job));
            JobNamed(job.JobName).Summary = job;
        }

        private ReportJob JobNamed(string name)
        {
            if (name == null)
            {
                if (unnamed == null)
                {
                    unnamed = new ReportJob(null);
                    jobs.Add(unnamed);
                }

                return unnamed;
            }

            if (!byName.TryGetValue(name, out ReportJob job))
            {
                job = new ReportJob(name);
                byName.Add(name, job);
                jobs.Add(job);
            }

            return job;
        }
    }
}
