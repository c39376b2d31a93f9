using System.Collections;

namespace IRSteps.Emulation
{
    /// <summary>
    /// A SageMaker emulator running in this process, as Start-IREmulator returns it: where it listens and the key
    /// pair it verifies signatures with. <see cref="Connection"/> splats into every IRSteps cmdlet. The secret key is
    /// this emulator's only (it opens nothing else); the default view leaves it out all the same.
    /// </summary>
    public sealed class SageMakerEmulator
    {
        internal SageMakerEmulator(IRunningEmulator engine)
        {
            Engine = engine;
            EndpointUrl = engine.EndpointUrl;
            Port = engine.Port;
            Region = engine.Region;
            AccessKey = engine.AccessKey;
            SecretKey = engine.SecretKey;
        }

        /// <summary>http://127.0.0.1:PORT</summary>
        public string EndpointUrl { get; }

        public int Port { get; }

        public string Region { get; }

        public string AccessKey { get; }

        public string SecretKey { get; }

        /// <summary>False once Stop-IREmulator stopped it.</summary>
        public bool IsRunning => Engine.IsRunning;

        /// <summary>
        /// EndpointUrl, Region, AccessKey and SecretKey as a new hashtable, to splat:
        /// <c>$connection = $emulator.Connection; Get-IRJobStep my-job @connection</c>.
        /// </summary>
        public Hashtable Connection => new Hashtable
        {
            ["EndpointUrl"] = EndpointUrl,
            ["Region"] = Region,
            ["AccessKey"] = AccessKey,
            ["SecretKey"] = SecretKey,
        };

        internal IRunningEmulator Engine { get; }

        public override string ToString() => EndpointUrl;
    }
}
