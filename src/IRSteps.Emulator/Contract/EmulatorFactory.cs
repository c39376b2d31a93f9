using System.Collections.Generic;
using System.Linq;
using System.Net.Sockets;
using System.Threading;
using IRSteps.Emulation;
using IRSteps.Errors;
using IRSteps.Model;

namespace IRSteps.Emulator.Contract
{
    /// <summary>
    /// What the module's cmdlets reach through <see cref="IEmulatorFactory"/> (found by name by IRSteps.dll's
    /// EmulatorLoader): an emulator with its own generated key pair, no test keys and no control API.
    /// </summary>
    public sealed class EmulatorFactory : IEmulatorFactory
    {
        public IRunningEmulator Start(int port, bool sampleJobs)
        {
            try
            {
                return new RunningEmulator(EmulatorServer.Start(new EmulatorOptions { Port = port, SampleJobs = sampleJobs }));
            }
            catch (SocketException exception)
            {
                throw new IRStepsConfigurationException(
                    ErrorIds.EmulatorStartFailed,
                    "The emulator could not listen on 127.0.0.1:" + port + ": " + exception.Message +
                    (port == 0 ? string.Empty : " Use another -Port, or leave it out for any free port."),
                    exception);
            }
        }

        private sealed class RunningEmulator : IRunningEmulator
        {
            private readonly EmulatorServer server;
            private int disposed;

            public RunningEmulator(EmulatorServer server)
            {
                this.server = server;
            }

            public string EndpointUrl => server.EndpointUrl;

            public int Port => server.Port;

            public string Region => server.Region;

            public string AccessKey => server.Keys.AccessKey;

            public string SecretKey => server.Keys.SecretKey;

            public bool IsRunning => Volatile.Read(ref disposed) == 0;

            public void AddJob(string jobName, IReadOnlyList<InferenceRecommendationsJobStep> steps, IReadOnlyList<string> statuses, string failureReason) =>
                server.AddJob(jobName, steps, statuses, failureReason);

            public void AddFault(string kind, string operation, string jobName, int count) =>
                server.Faults.Add(kind, operation, jobName, count);

            public IReadOnlyList<EmulatorRequest> Requests() => server.Requests.Snapshot()
                .Select(entry => new EmulatorRequest
                {
                    Time = entry.Time.UtcDateTime,
                    Operation = entry.Operation,
                    JobName = entry.JobName,
                    NextToken = entry.NextToken,
                    MaxResults = entry.MaxResults,
                    AccessKey = entry.AccessKey,
                    Region = entry.Region,
                    StatusCode = entry.StatusCode,
                    ErrorCode = entry.ErrorCode,
                    Fault = entry.Fault,
                    RequestId = entry.RequestId,
                })
                .ToList();

            public void Dispose()
            {
                if (Interlocked.Exchange(ref disposed, 1) == 0) server.Dispose();
            }
        }
    }
}
