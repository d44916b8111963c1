using System.CommandLine;
using QualityWatch.Bench.Shared;
using QualityWatch.Testing;

namespace QualityWatch.Bench.Ingest;

/// <summary>
/// <c>ingest-suite</c>: per scenario, starts QualityWatch as a child process on a fresh database,
/// loads it from this process, reads its peak RSS, and stops it, so each peak belongs to one scenario.
/// </summary>
internal static class IngestSuite
{
    public static Command Command() => BenchVerb.Create(
        "ingest-suite",
        "ingest throughput of the service run as a child process, per scenario",
        RunAsync,
        BenchOption.Seconds("--seconds", 20, "load per run"),
        BenchOption.Seconds("--warmup", 3, "warm-up before measuring"),
        BenchOption.ServiceDll(),
        BenchOption.Results(),
        BenchOption.NoWrite());

    public const string Heading = "## Ingest suite";
    private const string Key = "bench-ingest-key-0123456789abcdef";

    private static readonly IngestScenario[] Scenarios =
    [
        new("NDJSON, 500 per request, 8 connections", 500, 8),
        new("single object per request, 16 connections", 1, 16),
    ];

    private static async Task<int> RunAsync(BenchArgs a)
    {
        var seconds = a.Seconds("--seconds");
        var warmup = a.Seconds("--warmup");
        if (a.ServiceDll("ingest-suite") is not { } dll)
        {
            return 2;
        }

        var results = new List<IngestScenarioResult>();
        foreach (var scenario in Scenarios)
        {
            var load = Machine.LoadAverage();
            var result = await RunScenarioAsync(dll, scenario, warmup, seconds);
            results.Add(result with { LoadBefore = load });
            Console.WriteLine($"{scenario.Name}: {result.Run}, peak RSS {result.PeakRssBytes / 1_048_576} MiB");
        }

        var section = IngestReport.Section(results, seconds, warmup);
        Console.WriteLine();
        Console.WriteLine(section);
        if (!a.Flag("--no-write"))
        {
            ResultsFile.WriteSection(a.ResultsPath(), Heading, section);
        }

        return results.All(r => r.Run.Errors == 0) ? 0 : 1;
    }

    private static async Task<IngestScenarioResult> RunScenarioAsync(string dll, IngestScenario scenario, TimeSpan warmup, TimeSpan seconds)
    {
        var folder = Directory.CreateTempSubdirectory("qw-bench-ingest-");
        try
        {
            await using var service = await ServiceProcess.StartReadyAsync(dll, new Dictionary<string, string>(BenchKey.Settings(Key))
            {
                ["Storage__DatabasePath"] = Path.Combine(folder.FullName, "qualitywatch.db"),
            });

            // The first seconds of a fresh process are JIT and pool growth, not steady-state ingest.
            if (warmup > TimeSpan.Zero)
            {
                await IngestLoad.RunAsync(service.BaseAddress, warmup, scenario.Connections, scenario.Batch, Key);
            }

            var run = await IngestLoad.RunAsync(service.BaseAddress, seconds, scenario.Connections, scenario.Batch, Key);
            var peak = service.PeakRssBytes;
            await service.StopAsync();
            return new IngestScenarioResult(scenario, run, peak, 0);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
