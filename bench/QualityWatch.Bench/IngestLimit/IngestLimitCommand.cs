using System.CommandLine;
using QualityWatch.Bench.Ingest;
using QualityWatch.Bench.Shared;
using QualityWatch.Testing;

namespace QualityWatch.Bench.IngestLimit;

/// <summary>
/// <c>ingest-limit</c>: per round and scenario, loads the parse-only baseline server (its own process: the
/// machine's limit for this traffic) and then QualityWatch (its own process, fresh database, defaults) with the
/// same client and payload, and reports QualityWatch's interactions/s as a ratio to the limit of the same round.
/// </summary>
internal static class IngestLimitCommand
{
    public const string Heading = "## Ingest against the machine's limit";
    private const string Key = "bench-ingest-key-0123456789abcdef";

    private static readonly IngestScenario[] Scenarios =
    [
        new("NDJSON, 500 per request, 8 connections", 500, 8),
        new("single object per request, 16 connections", 1, 16),
    ];

    public static Command Command() => BenchVerb.Create(
        "ingest-limit",
        "ingest throughput of QualityWatch as a ratio to a parse-only server measured in the same run",
        RunAsync,
        BenchOption.Seconds("--seconds", 10, "load per server per round"),
        // Long enough for tiered compilation to finish: 6-18 s after start, under a load average of ~40, QualityWatch's
        // JIT thread still took 43 % of its CPU (bench/RESULTS.md, "Ingest profile"); the parse-only server is done sooner.
        BenchOption.Seconds("--warmup", 10, "warm-up before measuring"),
        BenchOption.Int("--rounds", 3, "rounds per scenario"),
        BenchOption.ServiceDll(),
        BenchOption.Results(),
        BenchOption.NoWrite());

    private static async Task<int> RunAsync(BenchArgs a)
    {
        var seconds = a.Seconds("--seconds");
        var warmup = a.Seconds("--warmup");
        if (a.ServiceDll("ingest-limit") is not { } dll)
        {
            return 2;
        }

        var baselineDll = Path.Combine(AppContext.BaseDirectory, "QualityWatch.Bench.Baseline.dll");
        var runs = new List<IngestLimitRun>();
        for (var round = 1; round <= a.Int("--rounds"); round++)
        {
            foreach (var scenario in Scenarios)
            {
                var load = Machine.LoadAverage();
                var (baseline, _, baselineCpu) = await MeasureAsync(baselineDll, new Dictionary<string, string>(), scenario, warmup, seconds);
                var folder = Directory.CreateTempSubdirectory("qw-bench-limit-");
                try
                {
                    var settings = new Dictionary<string, string>(BenchKey.Settings(Key)) { ["Storage__DatabasePath"] = Path.Combine(folder.FullName, "qualitywatch.db") };
                    var (service, peak, serviceCpu) = await MeasureAsync(dll, settings, scenario, warmup, seconds);
                    var run = new IngestLimitRun(scenario, round, baseline, service, peak, load, FsyncProbe.MedianMs(folder.FullName))
                    {
                        BaselineCpuSeconds = baselineCpu,
                        ServiceCpuSeconds = serviceCpu,
                    };
                    runs.Add(run);
                    Console.WriteLine($"round {round}, {scenario.Name}: baseline {baseline.Rate:F0}/s, QualityWatch {service.Rate:F0}/s ({run.Ratio:P1}), p99 {service.P99Ms:F1} ms, " +
                        $"peak RSS {peak / 1_048_576} MiB, CPU/interaction {run.BaselineCpuUs:F1} vs {run.ServiceCpuUs:F1} us ({run.CpuRatio:P1}), fsync {run.FsyncMs:F2} ms, errors {baseline.Errors}/{service.Errors}");
                }
                finally
                {
                    folder.Delete(recursive: true);
                }
            }
        }

        var section = IngestLimitReport.Section(runs, seconds, warmup, a.Given);
        Console.WriteLine();
        Console.WriteLine(section);
        if (a.Write)
        {
            ResultsFile.WriteSection(a.ResultsPath(), Heading, section);
        }

        return runs.All(r => r.Service.Errors == 0 && r.Baseline.Errors == 0) ? 0 : 1;
    }

    /// <summary>Starts <paramref name="dll"/> as its own process, warms it up, loads it, reads its peak RSS and stops it.</summary>
    private static async Task<(IngestRun Run, long PeakRss, double CpuSeconds)> MeasureAsync(
        string dll, IReadOnlyDictionary<string, string> settings, IngestScenario scenario, TimeSpan warmup, TimeSpan seconds)
    {
        await using var server = await ServiceProcess.StartReadyAsync(dll, settings);

        // The first seconds of a fresh process are JIT and pool growth, not steady-state ingest.
        if (warmup > TimeSpan.Zero)
        {
            await IngestLoad.RunAsync(server.BaseAddress, warmup, scenario.Connections, scenario.Batch, Key);
        }

        var cpu = ProcessCpu.Seconds(server.Id);
        var run = await IngestLoad.RunAsync(server.BaseAddress, seconds, scenario.Connections, scenario.Batch, Key);
        cpu = ProcessCpu.Seconds(server.Id) - cpu;
        var peak = server.PeakRssBytes;
        await server.StopAsync();
        return (run, peak, cpu);
    }
}
