using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using IRSteps.Emulator.Protocol;

namespace IRSteps.Emulator.Jobs
{
    /// <summary>
    /// Every job an emulator knows: the sample jobs (fixtures, and synthetic-N on demand) unless started without them,
    /// and the jobs added since it started (dynamic ones through the control API, scripted ones from
    /// Add-IREmulatorJob). An added job hides a sample job of the same name.
    /// </summary>
    public sealed class JobStore
    {
        public const string AccountId = "123456789012";

        private readonly List<FixtureJob> fixtures;
        private readonly Dictionary<string, FixtureJob> fixtureByName;
        private readonly bool synthetic;
        private readonly ConcurrentDictionary<string, JobBase> added = new ConcurrentDictionary<string, JobBase>(StringComparer.Ordinal);
        private readonly IClock clock;

        internal JobStore(List<FixtureJob> fixtures, bool synthetic, IClock clock)
        {
            this.fixtures = fixtures;
            this.synthetic = synthetic;
            this.clock = clock;
            fixtureByName = fixtures.ToDictionary(j => j.JobName, StringComparer.Ordinal);
        }

        public IReadOnlyCollection<string> FixtureJobNames => fixtureByName.Keys;

        internal double Now => AwsJson.EpochSeconds(clock.UtcNow);

        internal JobBase Find(string name)
        {
            if (added.TryGetValue(name, out JobBase job)) return job;
            if (fixtureByName.TryGetValue(name, out FixtureJob fixture)) return fixture;
            if (synthetic && SyntheticJob.TryParse(name, out int n)) return new SyntheticJob(name, n);
            return null;
        }

        /// <summary>The jobs ListInferenceRecommendationsJobs shows: fixtures and added jobs, not synthetic ones.</summary>
        internal IEnumerable<JobBase> Listable() =>
            added.Values.Concat(fixtures.Where(f => !added.ContainsKey(f.JobName)));

        /// <summary>Creates (or replaces) a dynamic job starting now (the control API's POST /__emulator/jobs).</summary>
        public void AddDynamic(string name, int steps, bool fail, int phaseMs)
        {
            if (fixtureByName.ContainsKey(name) || SyntheticJob.TryParse(name, out _))
                throw new ArgumentException("Job name '" + name + "' is taken by a fixture or synthetic job.");
            if (steps < 0 || phaseMs < 0) throw new ArgumentException("Steps and PhaseMs must not be negative.");
            added[name] = new DynamicJob(name, steps, fail, phaseMs / 1000.0, Now);
        }

        /// <summary>Adds (or replaces) a job whose status moves along a sequence, one step per Describe.</summary>
        internal void AddScripted(ScriptedJob job) => added[job.JobName] = job;

        /// <summary>Forgets the added jobs and every stop request.</summary>
        public void Reset()
        {
            added.Clear();
            foreach (FixtureJob fixture in fixtures) fixture.Reset();
        }
    }
}
