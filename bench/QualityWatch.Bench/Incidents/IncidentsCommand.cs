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
        BenchOption.Int("--max-minutes", 0, "start no run after this many minutes (0 = no limit); the report covers the runs that finished"),
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

            // One queue worked by --parallel workers, a stable run every runs/stableRuns deploy runs (first in its block),
            // so a run cut short by --max-minutes still has both kinds in proportion; one line per finished run.
            var maxMinutes = options.Int("--max-minutes");
            var jobs = new List<(bool Stable, int Index)>();
            for (var i = 0; i < runs; i++)
            {
                if (stableRuns > 0 && runs > 0 && i % Math.Max(1, runs / stableRuns) == 0 && jobs.Count(j => j.Stable) < stableRuns)
                {
                    jobs.Add((true, jobs.Count(j => j.Stable)));
                }

                jobs.Add((false, i));
            }

            while (jobs.Count(j => j.Stable) < stableRuns)
            {
                jobs.Add((true, jobs.Count(j => j.Stable)));
            }

            var queue = new System.Collections.Concurrent.ConcurrentQueue<(bool Stable, int Index)>(jobs);
            var deployResults = new System.Collections.Concurrent.ConcurrentBag<IncidentsRun>();
            var stableResults = new System.Collections.Concurrent.ConcurrentBag<IncidentsRun>();
            var done = 0;
            var skipped = 0;
            async Task WorkAsync()
            {
                while (queue.TryDequeue(out var job))
                {
                    if (maxMinutes > 0 && watch.Elapsed >= TimeSpan.FromMinutes(maxMinutes))
                    {
                        Interlocked.Increment(ref skipped);
                        continue;
                    }

                    var seed = job.Stable ? 100_001 + seedOffset + job.Index : 1 + seedOffset + job.Index;
                    var result = job.Stable
                        ? await driver.StableAsync(policy, budget, snapshots[job.Index % warmups], seed, TimeSpan.FromDays(stableDays))
                        : await driver.DeployAsync(policy, budget, snapshots[job.Index % warmups], seed, rollback, horizon);
                    (job.Stable ? stableResults : deployResults).Add(result);
                    var n = Interlocked.Increment(ref done);
                    var fired = string.Join(" ", result.Fired.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{kv.Key}={kv.Value}"));
                    var delay = result.Delay is { } d ? string.Create(c, $"{d.TotalMinutes:0.0} min") : "-";
                    Console.WriteLine(string.Create(c,
                        $"  run {n}/{jobs.Count} {(job.Stable ? "stable" : "deploy")} seed {seed}: pages {result.Pages}, updates {result.Updates}, repeats {result.Repeats}, resolves {result.Resolves}, quality incidents {result.QualityIncidents}, operational {result.OperationalIncidents}, flaps {result.InstanceFlaps}/{result.IncidentFlaps}, delay {delay}, fired [{fired}], {watch.Elapsed:hh\\:mm\\:ss}"));
                }
            }

            await Task.WhenAll(Enumerable.Range(0, Math.Max(1, options.Int("--parallel"))).Select(_ => Task.Run(WorkAsync)));
            if (skipped > 0)
            {
                Console.WriteLine(string.Create(c, $"--max-minutes {maxMinutes} reached: {skipped} of {jobs.Count} runs not started; the report covers the {done} that finished."));
            }

            var summary = new IncidentsSummary([.. deployResults], [.. stableResults]);

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
