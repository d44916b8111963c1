using System.CommandLine;
using System.Globalization;
using System.Net;
using QualityWatch.Bench.Shared;
using QualityWatch.Testing;

namespace QualityWatch.Bench.Connections;

/// <summary>
/// <c>connections</c>: per scenario, starts QualityWatch as a child process, holds N idle TCP
/// connections to it, and times /healthz before and while they are held, with the shipped
/// <c>Server:MaxConcurrentConnections</c> cap and with the cap lifted.
/// </summary>
internal static class ConnectionsCommand
{
    public static Command Command() => BenchVerb.Create(
        "connections",
        "many idle connections held open: memory, file descriptors and probe latency",
        RunAsync,
        BenchOption.Int("--connections", 10_000, "concurrent connections"),
        BenchOption.Int("--probes", 20, "probe requests while the connections are held"),
        BenchOption.Seconds("--settle", 3, "wait after opening the connections"),
        BenchOption.Int("--low-file-limit", 8192, "the file-descriptor limit of the low-limit scenario"),
        BenchOption.ServiceDll(),
        BenchOption.Results(),
        BenchOption.NoWrite());

    public const string Heading = "## Connections";

    private static async Task<int> RunAsync(BenchArgs a)
    {
        var connections = a.Int("--connections");
        var probes = a.Int("--probes");
        var settle = a.Seconds("--settle");
        if (a.ServiceDll("connections") is not { } dll)
        {
            return 2;
        }

        var lowLimit = a.Int("--low-file-limit");
        Dictionary<string, string> noCap = new() { ["Server__MaxConcurrentConnections"] = "1000000" };
        (string Name, Dictionary<string, string> Settings, int? FileLimit)[] scenarios =
        [
            ("no cap (Server:MaxConcurrentConnections 1,000,000)", noCap, null),
            ("cap 4,096 (the default)", [], null),
            ($"no cap, service open-file limit {Fmt.N0(lowLimit)}", noCap, lowLimit),
            ($"cap 4,096, service open-file limit {Fmt.N0(lowLimit)}", [], lowLimit),
        ];

        var results = new List<ConnectionsResult>();
        foreach (var (name, settings, fileLimit) in scenarios)
        {
            var result = await RunScenarioAsync(dll, name, settings, fileLimit, connections, probes, settle);
            results.Add(result);
            Console.WriteLine($"{name}: {result}");
        }

        var section = ConnectionsReport.Section(results, connections, probes, Limits.MaxOpenFiles(Environment.ProcessId));
        Console.WriteLine();
        Console.WriteLine(section);
        if (!a.Flag("--no-write"))
        {
            ResultsFile.WriteSection(a.ResultsPath(), Heading, section);
        }

        return 0;
    }

    private static async Task<ConnectionsResult> RunScenarioAsync(
        string dll, string name, Dictionary<string, string> settings, int? fileLimit, int connections, int probes, TimeSpan settle)
    {
        var folder = Directory.CreateTempSubdirectory("qw-bench-connections-");
        try
        {
            var load = Machine.LoadAverage();
            await using var service = await ServiceProcess.StartReadyAsync(dll, new Dictionary<string, string>(settings.Concat(BenchKey.Settings("bench-connections-key-0123456789")))
            {
                ["Storage__DatabasePath"] = Path.Combine(folder.FullName, "qualitywatch.db"),
            });

            if (fileLimit is { } files)
            {
                // As a unit without LimitNOFILE, or a container with a low nofile ulimit, would run it.
                using var prlimit = System.Diagnostics.Process.Start("prlimit", ["--pid", service.Id.ToString(CultureInfo.InvariantCulture), $"--nofile={files}:{files}"]);
                await prlimit.WaitForExitAsync();
            }

            // A client that was already connected before the flood, as a chatbot's keep-alive pool would be.
            using var kept = new HttpClient { BaseAddress = service.BaseAddress, Timeout = TimeSpan.FromSeconds(15) };
            var before = await HealthProbe.NewConnectionsAsync(service.BaseAddress, probes);
            await HealthProbe.TimeAsync(kept);
            var filesBefore = service.OpenFiles;

            var endpoint = new IPEndPoint(IPAddress.Loopback, service.BaseAddress.Port);
            var flood = await ConnectionFlood.OpenAsync(endpoint, connections);

            // Kestrel accepts from its backlog asynchronously: give it time to take (or drop) them all.
            await Task.Delay(settle);
            var closed = flood.ClosedByServer();
            var filesDuring = service.OpenFiles;
            var during = await HealthProbe.NewConnectionsAsync(service.BaseAddress, probes);
            var keptDuring = await HealthProbe.KeptConnectionAsync(kept, probes);
            var limit = fileLimit is { } lowered ? $"{lowered} / {lowered}" : service.ExitCode is null ? Limits.MaxOpenFiles(service.Id) : "?";
            var (opened, failed) = (flood.Opened, flood.ConnectFailed);
            flood.Dispose();
            var after = await HealthProbe.NewConnectionsAsync(service.BaseAddress, probes);
            var exited = service.ExitCode;
            await service.StopAsync();
            return new ConnectionsResult(name, opened, failed, closed, filesBefore, filesDuring, before, during, keptDuring, after, limit, exited, load);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
