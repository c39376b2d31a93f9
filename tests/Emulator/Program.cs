using System.Globalization;
using IRSteps.Emulator;

// IRSteps.Emulator [--port N] [--fixtures path] [--ignore-stdin]
// Prints exactly one line "IRSTEPS-EMULATOR LISTENING http://127.0.0.1:PORT" when ready, then serves until stdin
// reaches EOF (so a dying parent takes the emulator along), POST /__emulator/shutdown, or Ctrl+C / SIGTERM.

var options = new EmulatorOptions();
var watchStdin = true;
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--port" when i + 1 < args.Length:
            options.Port = int.Parse(args[++i], CultureInfo.InvariantCulture);
            break;
        case "--fixtures" when i + 1 < args.Length:
            options.FixturesPath = Path.GetFullPath(args[++i]);
            break;
        case "--ignore-stdin":
            watchStdin = false;
            break;
        default:
            Console.Error.WriteLine($"Unknown argument '{args[i]}'. Usage: IRSteps.Emulator [--port N] [--fixtures path] [--ignore-stdin]");
            return 2;
    }
}

await using var server = await EmulatorServer.StartAsync(options);
Console.Out.WriteLine($"IRSTEPS-EMULATOR LISTENING http://127.0.0.1:{server.Port}");
Console.Out.Flush();

var stop = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.TrySetResult(); };
AppDomain.CurrentDomain.ProcessExit += (_, _) => stop.TrySetResult();

if (watchStdin)
{
    _ = Task.Run(async () =>
    {
        // A parent's pipe carries (almost) nothing until it closes. If stdin streams data instead (e.g. < /dev/zero),
        // it is not such a pipe: stop watching rather than spin on it.
        var buffer = new byte[4096];
        long total = 0;
        try
        {
            await using var stdin = Console.OpenStandardInput();
            int n;
            while ((n = await stdin.ReadAsync(buffer)) > 0)
            {
                total += n;
                if (total > 1024 * 1024)
                {
                    Console.Error.WriteLine("IRSteps.Emulator: stdin is streaming data, not a parent pipe; no longer watching it for EOF.");
                    return;
                }
            }
        }
        catch (Exception) { }
        stop.TrySetResult();
    });
}

await Task.WhenAny(stop.Task, server.ShutdownRequested);
return 0;
