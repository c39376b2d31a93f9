using System;

namespace IRSteps.Emulator
{
    /// <summary>
    /// The emulator's time: job progress, stop timing, signature expiry and issued credentials. Tests may pass a
    /// clock of their own (netstandard2.0 has no TimeProvider).
    /// </summary>
    public interface IClock
    {
        DateTimeOffset UtcNow { get; }
    }

    /// <summary>The machine's clock.</summary>
    public sealed class SystemClock : IClock
    {
        public static readonly SystemClock Instance = new SystemClock();

        private SystemClock()
        {
        }

        public DateTimeOffset UtcNow => DateTimeOffset.UtcNow;
    }
}
