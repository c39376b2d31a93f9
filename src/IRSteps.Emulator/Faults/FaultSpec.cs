using System;
using System.Collections.Generic;
using System.Linq;

namespace IRSteps.Emulator.Faults
{
    /// <summary>
    /// One queued fault: the next <see cref="Times"/> requests matching Operation and JobName (null matches any) that
    /// pass authentication get it. DelayMs is waited before any kind (it is all that Slow does).
    /// </summary>
    public sealed class FaultSpec
    {
        /// <summary>A kind of <see cref="FaultKinds"/> (Throttle, Hang, ...), any case.</summary>
        public string Kind { get; set; }

        public string Operation { get; set; }

        public string JobName { get; set; }

        public int Times { get; set; } = 1;

        public int DelayMs { get; set; }

        /// <summary>When set, the answer carries x-amz-retry-after with this many milliseconds (the SDK waits at least that long).</summary>
        public int? RetryAfterMs { get; set; }

        internal bool Matches(string operation, string jobName) =>
            (Operation == null || string.Equals(Operation, operation, StringComparison.OrdinalIgnoreCase))
            && (JobName == null || string.Equals(JobName, jobName, StringComparison.Ordinal));

        internal FaultSpec Copy(int times) => new FaultSpec
        {
            Kind = Kind,
            Operation = Operation,
            JobName = JobName,
            Times = times,
            DelayMs = DelayMs,
            RetryAfterMs = RetryAfterMs,
        };
    }

    /// <summary>Faults in the order added; each applies to the next matching request(s) and is used up after Times.</summary>
    public sealed class FaultQueue
    {
        private readonly List<FaultSpec> pending = new List<FaultSpec>();
        private volatile int count;

        /// <summary>Queues a fault; throws ArgumentException for a kind the emulator does not know.</summary>
        public void Add(FaultSpec fault)
        {
            if (fault == null) throw new ArgumentNullException(nameof(fault));
            if (!FaultKinds.TryGet(fault.Kind, out FaultKind kind))
                throw new ArgumentException("Unknown fault kind '" + fault.Kind + "'. Known kinds: " + string.Join(", ", FaultKinds.Names) + ".");
            if (fault.Times < 1) return;
            FaultSpec copy = fault.Copy(fault.Times);
            copy.Kind = kind.Name;
            lock (pending)
            {
                pending.Add(copy);
                count = pending.Count;
            }
        }

        public void Add(string kind, string operation = null, string jobName = null, int times = 1, int delayMs = 0, int? retryAfterMs = null) =>
            Add(new FaultSpec { Kind = kind, Operation = operation, JobName = jobName, Times = times, DelayMs = delayMs, RetryAfterMs = retryAfterMs });

        public void Clear()
        {
            lock (pending)
            {
                pending.Clear();
                count = 0;
            }
        }

        public IReadOnlyList<FaultSpec> Pending()
        {
            lock (pending)
            {
                return pending.Select(f => f.Copy(f.Times)).ToList();
            }
        }

        /// <summary>Takes one use of the first fault matching this request, or null.</summary>
        public FaultSpec TryTake(string operation, string jobName)
        {
            if (count == 0) return null; // the hot path: no lock while nothing is queued
            lock (pending)
            {
                for (int i = 0; i < pending.Count; i++)
                {
                    FaultSpec fault = pending[i];
                    if (!fault.Matches(operation, jobName)) continue;
                    if (--fault.Times <= 0) pending.RemoveAt(i);
                    count = pending.Count;
                    return fault.Copy(1);
                }
            }

            return null;
        }
    }
}
