using QualityWatch.Bench.Ingest;
using QualityWatch.Bench.Shared;

namespace QualityWatch.Bench.Dedup;

/// <summary>
/// <c>dedup-window</c>: starts QualityWatch as a child process with a short <c>Ingest:DedupWindow</c>, pushes
/// millions of new ids through it at the ingest peak (the ingest suite's NDJSON scenario), and watches how many
/// ids the dedup record holds: expiry must keep up, so the record stays near the ids one window holds.
/// </summary>
internal static class DedupWindowCommand
{
    public const string Usage = "dedup-window [--ids 7000000] [--window 20] [--every 1] [--connections 8] [--batch 500] [--service-dll PATH] [--baseline-dll PATH [--baseline-name NAME]] [--results PATH] [--no-write]";
    private const string Key = "bench-dedup-key-0123456789abcdef";

    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var a = new BenchArgs(args);
        var ids = (long)a.Double("--ids", 7_000_000);
        var window = a.Seconds("--window", 20);
        var every = a.Seconds("--every", 1);
        if (a.ServiceDll("dedup-window") is not { } dll)
        {
            return 2;
        }

        // Optional: the same push against another build (e.g. one from before the buckets), under the same machine load.
        var builds = new List<(string Name, string Dll)> { ("this build", dll) };
        var baseline = a.String("--baseline-dll", "");
        if (baseline.Length > 0)
        {
            builds.Insert(0, (a.String("--baseline-name", "baseline"), baseline));
        }

        var results = new List<DedupWindowResult>();
        foreach (var (name, path) in builds)
        {
            var load = Machine.LoadAverage();
            var result = await RunOnceAsync(name, path, ids, window, every, a.Int("--connections", 8), a.Int("--batch", 500)) with { LoadBefore = load };
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
            await using var service = await ServiceProcess.StartAsync(dll, new Dictionary<string, string>
            {
                ["Storage__DatabasePath"] = database,
                ["Ingest__ApiKeys__0"] = Key,
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
