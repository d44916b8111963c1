using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using QualityWatch.Bench.Shared;
using QualityWatch.Judging;

namespace QualityWatch.Bench.Detection;

/// <summary>
/// <c>detection</c>: seeded runs of every policy on every scenario, side by side on the same traffic
/// (run i of every policy replays the same seed), printed and written to bench/RESULTS.md.
/// </summary>
internal static class DetectionCommand
{
    public const string Usage =
        "QualityWatch.Bench detection [--runs 200] [--stable-runs 20] [--stable-days 3] [--warmups 4] [--horizon-hours 8] [--parallel 2] [--scenarios deploy,drift,stable] [--policies a,b,c] [--warmup-hours 24] [--keep true] [--seed-offset 0] [--set \"Judge:MaxConcurrency=4;Key=Value\"] [--results bench/RESULTS.md]";

    public static async Task<int> RunAsync(string[] args)
    {
        var options = new BenchArgs(args);
        var runs = options.Int("--runs", 200);
        var stableRuns = options.Int("--stable-runs", 20);
        var stableDays = options.Int("--stable-days", 3);
        var warmups = options.Int("--warmups", 4);
        var horizon = TimeSpan.FromHours(options.Int("--horizon-hours", 8));
        var parallel = options.Int("--parallel", 2);
        var warmUp = TimeSpan.FromHours(options.Int("--warmup-hours", 24));
        var keep = options.String("--keep", "false") == "true";
        var seedOffset = options.Int("--seed-offset", 0);
        var filter = options.String("--scenarios", "deploy,drift,stable").Split(',');
        var results = options.ResultsPath();
        var policies = options.String("--policies", "a,b,c").Split(',');
        // Service settings over every policy's, e.g. another Judge:MaxConcurrency than the shipped one.
        var overrides = options.String("--set", "").Split(';', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .ToDictionary(kv => kv[0], kv => kv.Length > 1 ? kv[1] : null);
        var scenarios = DetectionScenario.All.Where(s => filter.Any(f => s.Name.StartsWith(f, StringComparison.Ordinal))).ToList();

        var work = Directory.CreateTempSubdirectory("qw-detection-").FullName;
        var watch = Stopwatch.StartNew();
        try
        {
            var driver = new DetectionDriver(work, LatencyProfile.Realistic, warmUp, keep, overrides);
            var budget = await driver.CalibrateAsync();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Calibration: a verdict costs ${budget.FlexUsdPerSample:0.000000} in flex, ${budget.StandardUsdPerSample:0.000000} in standard ({budget.StandardOverFlex:0.00}x); policy (c) budget ${2400 * budget.FlexUsdPerSample:0.0000}/day."));

            using var gate = new SemaphoreSlim(parallel);
            async Task<T> Gated<T>(Func<Task<T>> work)
            {
                await gate.WaitAsync();
                try
                {
                    return await work();
                }
                finally
                {
                    gate.Release();
                }
            }

            var snapshots = new ConcurrentDictionary<(string, double, int), Snapshot>();
            await Task.WhenAll(
                from policy in DetectionPolicy.All.Where(p => policies.Contains(p.Key))
                from rate in scenarios.Select(s => s.RateBefore).Distinct()
                from index in Enumerable.Range(0, warmups)
                select Gated(async () => snapshots[(policy.Key, rate, index)] = await driver.WarmUpAsync(policy, budget, rate, index)));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Warm-ups: {snapshots.Count} ({warmups} per policy and base rate), {watch.Elapsed:mm\\:ss}."));

            var summaries = new List<DetectionSummary>();
            foreach (var scenario in scenarios)
            {
                var count = scenario.Stable ? stableRuns : runs;
                var span = scenario.Stable ? TimeSpan.FromDays(stableDays) : horizon;
                var byPolicy = DetectionPolicy.All.Where(p => policies.Contains(p.Key)).ToDictionary(p => p.Key, _ => new DetectionRun[count]);
                await Task.WhenAll(
                    from policy in DetectionPolicy.All.Where(p => policies.Contains(p.Key))
                    from i in Enumerable.Range(0, count)
                    select Gated(async () => byPolicy[policy.Key][i] = await driver.RunAsync(
                        policy, budget, scenario, snapshots[(policy.Key, scenario.RateBefore, i % warmups)], seed: 1 + seedOffset + i, span)));
                var rows = DetectionPolicy.All.Where(p => policies.Contains(p.Key)).Select(p => new DetectionSummary(p, scenario, byPolicy[p.Key], span)).ToList();
                summaries.AddRange(rows);
                Console.WriteLine();
                Console.WriteLine(DetectionReport.Scenario(scenario, rows));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"({watch.Elapsed:hh\\:mm\\:ss} elapsed)"));
            }

            var arguments = string.Join(' ', args.Select(a => a.Contains(' ', StringComparison.Ordinal) || a.Contains(';', StringComparison.Ordinal) ? $"\"{a}\"" : a));
            var report = DetectionReport.Markdown(summaries, budget, arguments, overrides.GetValueOrDefault("Judge:MaxConcurrency") ?? $"{new JudgeOptions().MaxConcurrency} (the shipped default)", warmups, horizon, watch.Elapsed);
            Console.WriteLine();
            Console.WriteLine(DetectionReport.Ratios(summaries));
            ResultsFile.WriteSection(results, "## Detection", report);
            Console.WriteLine($"Written to {results}.");
            return 0;
        }
        finally
        {
            if (!keep)
            {
                Directory.Delete(work, recursive: true);
            }
            else
            {
                Console.WriteLine($"Kept {work}.");
            }
        }
    }
}
