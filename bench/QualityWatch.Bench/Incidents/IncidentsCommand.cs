using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using QualityWatch.Bench.Detection;
using QualityWatch.Bench.Shared;

namespace QualityWatch.Bench.Incidents;

/// <summary>
/// <c>incidents</c>: what an on-call engineer receives for one regression and on stable days, from the real incident and
/// notification path on the detection bench's virtual clock; printed and written to bench/RESULTS.md.
/// </summary>
internal static class IncidentsCommand
{
    public static Command Command() => BenchVerb.Create(
        "incidents",
        "notifications per regression (pages, updates, resolves), flaps on stable days and detection delay of the shipped alert rules",
        RunAsync,
        BenchOption.Int("--runs", 200, "deploy runs (2% -> 8% at a new prompt_version)"),
        BenchOption.Int("--stable-runs", 10, "stable runs"),
        BenchOption.Int("--stable-days", 3, "days per stable run"),
        BenchOption.Int("--warmups", 4, "one-day warm-ups the runs resume from"),
        BenchOption.Int("--rollback-hours", 2, "hours after the deploy when v0 is back"),
        BenchOption.Int("--horizon-hours", 6, "hours watched after the deploy"),
        BenchOption.Int("--parallel", 2, "runs at a time"),
        BenchOption.Int("--seed-offset", 0, "added to every run seed"),
        BenchOption.String("--keep", "false", "keep the work directory with each run's database (true/false)"),
        BenchOption.Results(),
        BenchOption.NoWrite());

    private static async Task<int> RunAsync(BenchArgs options)
    {
        var runs = options.Int("--runs");
        var stableRuns = options.Int("--stable-runs");
        var stableDays = options.Int("--stable-days");
        var warmups = Math.Max(1, options.Int("--warmups"));
        var rollback = TimeSpan.FromHours(options.Int("--rollback-hours"));
        var horizon = TimeSpan.FromHours(options.Int("--horizon-hours"));
        var seedOffset = options.Int("--seed-offset");
        var keep = options.String("--keep") == "true";
        var c = CultureInfo.InvariantCulture;

        var work = Directory.CreateTempSubdirectory("qw-incidents-").FullName;
        var watch = Stopwatch.StartNew();
        await using var sink = await WebhookSink.StartAsync();
        try
        {
            var detection = new DetectionDriver(work, LatencyProfile.Realistic, TimeSpan.FromDays(1), keep: false, new Dictionary<string, string?>());
            var driver = new IncidentsDriver(work, LatencyProfile.Realistic, keep);
            var policy = IncidentsPolicy.Shipped(sink.Url);
            var budget = await detection.CalibrateAsync();
            using var gate = new SemaphoreSlim(options.Int("--parallel"));
            async Task<T> Gated<T>(Func<Task<T>> run)
            {
                await gate.WaitAsync();
                try
                {
                    return await run();
                }
                finally
                {
                    gate.Release();
                }
            }

            var snapshots = await Task.WhenAll(Enumerable.Range(0, warmups).Select(i => Gated(() => detection.WarmUpAsync(policy, budget, IncidentsDriver.RateBefore, i))));
            Console.WriteLine(string.Create(c, $"Warm-ups: {snapshots.Length}, {watch.Elapsed:hh\\:mm\\:ss}."));

            var done = 0;
            async Task<IncidentsRun> Counted(Func<Task<IncidentsRun>> run)
            {
                var result = await Gated(run);
                var n = Interlocked.Increment(ref done);
                if (n % 10 == 0 || n == runs + stableRuns)
                {
                    Console.WriteLine(string.Create(c, $"  {n}/{runs + stableRuns} runs, {watch.Elapsed:hh\\:mm\\:ss}"));
                }

                return result;
            }

            var deploys = Task.WhenAll(Enumerable.Range(0, runs).Select(i => Counted(() =>
                driver.DeployAsync(policy, budget, snapshots[i % warmups], seed: 1 + seedOffset + i, rollback, horizon))));
            var stables = Task.WhenAll(Enumerable.Range(0, stableRuns).Select(i => Counted(() =>
                driver.StableAsync(policy, budget, snapshots[i % warmups], seed: 100_001 + seedOffset + i, TimeSpan.FromDays(stableDays)))));
            var summary = new IncidentsSummary(await deploys, await stables);

            Console.WriteLine();
            Console.WriteLine(IncidentsReport.Table(summary));
            Console.WriteLine();
            Console.WriteLine(IncidentsReport.Targets(summary));
            Console.WriteLine(string.Create(c, $"Webhook deliveries received: {sink.Received}. ({watch.Elapsed:hh\\:mm\\:ss} elapsed)"));
            if (options.Write)
            {
                var arguments = string.Join(' ', options.Given);
                var results = options.ResultsPath();
                ResultsFile.WriteSection(results, "## Incidents", IncidentsReport.Markdown(summary, arguments, warmups, rollback, horizon, stableDays, watch.Elapsed));
                Console.WriteLine($"Written to {results}.");
            }

            return 0;
        }
        finally
        {
            if (keep)
            {
                Console.WriteLine($"Kept {work}.");
            }
            else
            {
                Directory.Delete(work, recursive: true);
            }
        }
    }
}
