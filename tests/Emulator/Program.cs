using System;
using System.Globalization;
using System.IO;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Threading.Tasks;
using IRSteps.Emulator;

namespace IRSteps.EmulatorHost
{
    /// <summary>
    /// IRSteps.EmulatorHost [--port N] [--fixtures path] [--ignore-stdin]
    /// Prints exactly one line, "IRSTEPS-EMULATOR LISTENING http://127.0.0.1:PORT", when ready, then serves until its
    /// stdin reaches EOF (a parent that dies takes it along), POST /__emulator/shutdown, Ctrl+C or SIGTERM.
    /// </summary>
    internal static class Program
    {
        private const string Usage = "Usage: IRSteps.EmulatorHost [--port N] [--fixtures path] [--ignore-stdin]";

        private static async Task<int> Main(string[] args)
        {
            var options = new EmulatorOptions { AcceptTestKeys = true, ControlApi = true };
            bool watchStdin = true;
            for (int i = 0; i < args.Length; i++)
            {
                switch (args[i])
                {
                    case "--port" when i + 1 < args.Length && int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out int port) && port <= 65535:
                        options.Port = port;
                        i++;
                        break;
                    case "--fixtures" when i + 1 < args.Length:
                        options.FixturesPath = Path.GetFullPath(args[++i]);
                        break;
                    case "--ignore-stdin":
                        watchStdin = false;
                        break;
                    default:
                        Console.Error.WriteLine("Unknown argument '" + args[i] + "'. " + Usage);
                        return 2;
                }
            }

            EmulatorServer server;
            try
            {
                server = EmulatorServer.Start(options);
            }
            catch (SocketException exception)
            {
                Console.Error.WriteLine("IRSteps.EmulatorHost: cannot listen on 127.0.0.1:" + options.Port + ": " + exception.Message);
                return 1;
            }

            using (server)
            {
                var stop = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

                // SIGTERM and SIGINT end the wait below; the emulator is then stopped and the process exits with 0.
                using PosixSignalRegistration terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, signal =>
                {
                    signal.Cancel = true;
                    stop.TrySetResult();
                });
                using PosixSignalRegistration interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, signal =>
                {
                    signal.Cancel = true;
                    stop.TrySetResult();
                });

                Console.Out.WriteLine("IRSTEPS-EMULATOR LISTENING " + server.EndpointUrl);
                Console.Out.Flush();

                if (watchStdin) _ = Task.Run(() => WatchStdinAsync(stop));

                await Task.WhenAny(stop.Task, server.ShutdownRequested);
            }

            return 0;
        }

        /// <summary>
        /// A parent's pipe carries (almost) nothing until it closes. If stdin streams data instead (say &lt; /dev/zero),
        /// it is not such a pipe: stop watching rather than spin on it.
        /// </summary>
        private static async Task WatchStdinAsync(TaskCompletionSource stop)
        {
            var buffer = new byte[4096];
            long total = 0;
            try
            {
                await using Stream stdin = Console.OpenStandardInput();
                int read;
                while ((read = await stdin.ReadAsync(buffer)) > 0)
                {
                    total += read;
                    if (total > 1024 * 1024)
                    {
                        Console.Error.WriteLine("IRSteps.EmulatorHost: stdin is streaming data, not a parent pipe; no longer watching it for EOF.");
                        return;
                    }
                }
            }
            catch (IOException)
            {
            }

            stop.TrySetResult();
        }
    }
}
