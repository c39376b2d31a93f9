namespace IRSteps.Emulator
{
    /// <summary>How an emulator starts.</summary>
    public sealed class EmulatorOptions
    {
        /// <summary>TCP port on 127.0.0.1; 0 picks a free one.</summary>
        public int Port { get; set; }

        /// <summary>A jobs.json to load instead of the embedded sample jobs.</summary>
        public string FixturesPath { get; set; }

        /// <summary>Serve the sample jobs (the fixtures and synthetic-N); false starts with no job at all.</summary>
        public bool SampleJobs { get; set; } = true;

        /// <summary>
        /// Also accept any access key starting with AKIDTEST, with the secret "emu/secret+" + key (the tests' keys).
        /// The emulator's own generated key pair and the credentials its STS issues are always accepted.
        /// </summary>
        public bool AcceptTestKeys { get; set; }

        /// <summary>Serve the control API under /__emulator/ (unsigned: for the tests' out-of-process host only).</summary>
        public bool ControlApi { get; set; }

        /// <summary>The region reported to users (any region in a signature's scope is accepted).</summary>
        public string Region { get; set; } = "us-east-1";

        /// <summary>Time for job progress, stops and signature expiry.</summary>
        public IClock Clock { get; set; } = SystemClock.Instance;
    }
}
