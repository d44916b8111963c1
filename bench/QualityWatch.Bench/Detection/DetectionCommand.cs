using System.Collections.Concurrent;
using System.CommandLine;
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
    public static Command Command() => BenchVerb.Create(
        "detection",
        "end-to-end detection delay and false alarms of the sampling policies on a virtual clock",
        RunAsync,
        BenchOption.Int("--runs", 200, "runs per scenario and policy"),
        BenchOption.Int("--stable-runs", 20, "runs of the stable scenario"),
        BenchOption.Int("--stable-days", 3, "days per stable run"),
        BenchOption.Int("--warmups", 4, "warm-ups per policy and base rate"),
        BenchOption.Int("--horizon-hours", 8, "hours watched after the change"),
        BenchOption.Int("--parallel", 2, "runs at a time"),
        BenchOption.Int("--warmup-hours", 24, "hours of the warm-up"),
        BenchOption.String("--keep", "false", "keep the work directory (true/false)"),
        BenchOption.Int("--seed-offset", 0, "added to every run seed"),
        BenchOption.String("--scenarios", "deploy,drift,stable", "comma-separated scenario name prefixes"),
        BenchOption.String("--policies", "a,b,c", "comma-separated policies"),
        BenchOption.String("--set", "", "service settings over every policy's, \"Key=Value;Key=Value\""),
        BenchOption.Results(),
        BenchOption.NoWrite());

    private static async Task<int> RunAsync(BenchArgs options)
    {
        var runs = options.Int("--runs");
        var stableRuns = options.Int("--stable-runs");
        var stableDays = options.Int("--stable-days");
        var warmups = options.Int("--warmups");
        var horizon = TimeSpan.FromHours(options.Int("--horizon-hours"));
        var parallel = options.Int("--parallel");
        var warmUp = TimeSpan.FromHours(options.Int("--warmup-hours"));
        var keep = options.String("--keep") == "true";
        var seedOffset = options.Int("--seed-offset");
        var filter = options.String("--scenarios").Split(',');
        var policies = options.String("--policies").Split(',');
        // Service settings over every policy's, e.g. another Judge:MaxConcurrency than the shipped one.
        var overrides = options.String("--set").Split(';', StringSplitOptions.RemoveEmptyEntries)
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

            var arguments = string.Join(' ', options.Given.Select(a => a.Contains(' ', StringComparison.Ordinal) || a.Contains(';', StringComparison.Ordinal) ? $"\"{a}\"" : a));
            var report = DetectionReport.Markdown(summaries, budget, arguments, overrides.GetValueOrDefault("Judge:MaxConcurrency") ?? $"{new JudgeOptions().MaxConcurrency} (the shipped default)", warmups, horizon, watch.Elapsed);
            Console.WriteLine();
            Console.WriteLine(DetectionReport.Ratios(summaries));
            if (options.Write)
            {
                var results = options.ResultsPath();
                ResultsFile.WriteSection(results, "## Detection", report);
                Console.WriteLine($"Written to {results}.");
            }

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
