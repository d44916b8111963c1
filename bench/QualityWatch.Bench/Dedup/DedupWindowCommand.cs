using System.CommandLine;
using QualityWatch.Bench.Ingest;
using QualityWatch.Bench.Shared;
using QualityWatch.Testing;

namespace QualityWatch.Bench.Dedup;

/// <summary>
/// <c>dedup-window</c>: starts QualityWatch as a child process with a short <c>Ingest:DedupWindow</c>, pushes
/// millions of new ids through it at the ingest peak (the ingest suite's NDJSON scenario), and watches how many
/// ids the dedup record holds: expiry must keep up, so the record stays near the ids one window holds.
/// </summary>
internal static class DedupWindowCommand
{
    public static Command Command() => BenchVerb.Create(
        "dedup-window",
        "the dedup window's stored ids and ingest rate over a long run",
        RunAsync,
        BenchOption.Double("--ids", 7_000_000, "distinct interaction ids to send"),
        BenchOption.Seconds("--window", 20, "the dedup window"),
        BenchOption.Seconds("--every", 1, "how often the stored ids are counted"),
        BenchOption.String("--baseline-dll", "", "another build of the service to compare with"),
        BenchOption.String("--baseline-name", "baseline", "the name of that build in the report"),
        BenchOption.Int("--connections", 8, "concurrent connections"),
        BenchOption.Int("--batch", 500, "interactions per NDJSON batch"),
        BenchOption.ServiceDll(),
        BenchOption.Results(),
        BenchOption.NoWrite());

    private const string Key = "bench-dedup-key-0123456789abcdef";

    private static async Task<int> RunAsync(BenchArgs a)
    {
        var ids = (long)a.Double("--ids");
        var window = a.Seconds("--window");
        var every = a.Seconds("--every");
        if (a.ServiceDll("dedup-window") is not { } dll)
        {
            return 2;
        }

        // Optional: the same push against another build (e.g. one from before the buckets), under the same machine load.
        var builds = new List<(string Name, string Dll)> { ("this build", dll) };
        var baseline = a.String("--baseline-dll");
        if (baseline.Length > 0)
        {
            builds.Insert(0, (a.String("--baseline-name"), baseline));
        }

        var results = new List<DedupWindowResult>();
        foreach (var (name, path) in builds)
        {
            var load = Machine.LoadAverage();
            var result = await RunOnceAsync(name, path, ids, window, every, a.Int("--connections"), a.Int("--batch")) with { LoadBefore = load };
            Console.WriteLine($"{name}: {result.Run}; stored max {result.MaxStored} ({result.Samples} counts), final {result.FinalStored}; worst {result.WorstRatio:F2}x of {result.WorstWindowIds} ids in the window");
            results.Add(result);
        }

        var section = DedupWindowReport.Section(results, window, every, ReferenceIngestRate(a.ResultsPath()));
        Console.WriteLine();
        Console.WriteLine(section);
        if (!a.Flag("--no-write"))
        {
            ResultsFile.WriteSection(a.ResultsPath(), DedupWindowReport.Heading, section);
        }

        var measured = results[^1];
        return measured.Run.Errors == 0 && measured.WorstRatio <= DedupWindowReport.MaxWindowsStored ? 0 : 1;
    }

    private static async Task<DedupWindowResult> RunOnceAsync(string name, string dll, long ids, TimeSpan window, TimeSpan every, int connections, int batch)
    {
        var folder = Directory.CreateTempSubdirectory("qw-bench-dedup-");
        try
        {
            var database = Path.Combine(folder.FullName, "qualitywatch.db");
            await using var service = await ServiceProcess.StartReadyAsync(dll, new Dictionary<string, string>(BenchKey.Settings(Key))
            {
                ["Storage__DatabasePath"] = database,
                ["Ingest__DedupWindow"] = window.ToString("c"),
            });

            var monitor = new SeenRowMonitor(database, every);
            using var stop = new CancellationTokenSource();
            var watching = monitor.RunAsync(stop.Token);
            var run = await IngestLoad.RunAsync(service.BaseAddress, TimeSpan.FromHours(1), connections, batch, Key, ids);
            await stop.CancelAsync();
            await watching;
            var final = monitor.Take();
            await service.StopAsync();
            var worst = monitor.WorstRatio(window);
            return new DedupWindowResult(name, run, window, monitor.Samples.Max(s => s.Stored), final.Stored, monitor.Samples.Count,
                worst?.Sample, worst?.WindowIds ?? 0, worst?.Ratio ?? double.NaN);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>The NDJSON rate the ingest suite last wrote into RESULTS.md, to compare against; null when absent.</summary>
    private static double? ReferenceIngestRate(string resultsPath)
    {
        if (!File.Exists(resultsPath))
        {
            return null;
        }

        var row = File.ReadLines(resultsPath).FirstOrDefault(l => l.StartsWith("| NDJSON, 500 per request, 8 connections |", StringComparison.Ordinal));
        var cell = row?.Split('|', StringSplitOptions.TrimEntries)[2].Replace(",", "", StringComparison.Ordinal);
        return double.TryParse(cell, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var rate) ? rate : null;
    }
}
