#nullable disable // not annotated yet: docs/ARCHITECTURE.md, Habits
using System.Collections.Generic;
using IRSteps.Model;

namespace IRSteps.Report
{
    /// <summary>
    /// What the report knows of one job: its steps in the order they came, and the job itself when it was given
    /// (the whole describe answer, with its recommendations, or a listing's summary).
    /// </summary>
    public sealed class ReportJob
    {
        public ReportJob(string jobName)
        {
            JobName = jobName;
        }

        /// <summary>The job's name; null for steps that carry none.</summary>
        public string JobName { get; }

        /// <summary>The whole job (Get-IRJob -JobName, Wait-IRJob), when given.</summary>
        public DescribeInferenceRecommendationsJobResponse Description { get; set; }

        /// <summary>The job as a listing returns it (Get-IRJob without -JobName), when given and no description was.</summary>
        public InferenceRecommendationsJob Summary { get; set; }

        public List<InferenceRecommendationsJobStep> Steps { get; } = new List<InferenceRecommendationsJobStep>();
    }
}
