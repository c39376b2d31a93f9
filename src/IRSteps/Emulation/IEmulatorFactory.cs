using System;
using System.Collections.Generic;
using IRSteps.Model;

namespace IRSteps.Emulation
{
    /// <summary>
    /// Starts emulators. Implemented by IRSteps.Emulator.dll, which ships in the module's lib folder and is loaded on
    /// the first Start-IREmulator, the way the AWS engine is loaded (<see cref="EmulatorLoader"/>); the cmdlets know
    /// only this contract. Implementations throw IRStepsConfigurationException (EmulatorStartFailed) when the port
    /// cannot be had.
    /// </summary>
    public interface IEmulatorFactory
    {
        /// <summary>Starts an emulator on 127.0.0.1:<paramref name="port"/> (0: any free port), with or without the sample jobs.</summary>
        IRunningEmulator Start(int port, bool sampleJobs);
    }

    /// <summary>One running emulator: its endpoint and key pair, what a test adds to it, what it saw.</summary>
    public interface IRunningEmulator : IDisposable
    {
        /// <summary>http://127.0.0.1:PORT</summary>
        string EndpointUrl { get; }

        int Port { get; }

        string Region { get; }

        /// <summary>The access key id the emulator accepts (generated when it started).</summary>
        string AccessKey { get; }

        /// <summary>The secret key of <see cref="AccessKey"/>.</summary>
        string SecretKey { get; }

        /// <summary>False once disposed.</summary>
        bool IsRunning { get; }

        /// <summary>Adds (or replaces) a job: its steps, and the statuses it moves through, one per Describe.</summary>
        void AddJob(string jobName, IReadOnlyList<InferenceRecommendationsJobStep> steps, IReadOnlyList<string> statuses, string? failureReason);

        /// <summary>Makes the next <paramref name="count"/> matching requests fail as <paramref name="kind"/> says.</summary>
        void AddFault(string kind, string? operation, string? jobName, int count);

        /// <summary>The requests received so far, oldest first.</summary>
        IReadOnlyList<EmulatorRequest> Requests();
    }
}
