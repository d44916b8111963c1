using System.Globalization;

namespace QualityWatch.Bench.Detection;

/// <summary>
/// Plays traffic into a <see cref="VirtualService"/> in 10-second virtual steps, evaluating alert rules
/// every virtual minute as the service's own job does. Warm-ups end in a snapshot (a copy of the SQLite
/// file taken while no call is out) that seeded runs resume from, so each run starts with a day of history.
/// </summary>
internal sealed class DetectionDriver(
    string workDirectory, LatencyProfile latency, TimeSpan warmUp, bool keep, IReadOnlyDictionary<string, string?> overrides,
    QualityWatch.Simulator.Verdicts.JudgeErrorOptions? judgeError = null, TimeSpan? fineStep = null)
{
    public const double PerHour = 10_000;
    // Fine steps while a fast detector can fire, coarse ones elsewhere (the rules run once a minute anyway).
    internal static readonly TimeSpan FineStep = TimeSpan.FromSeconds(10);
    internal static readonly TimeSpan CoarseStep = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan FineFor = TimeSpan.FromMinutes(40);
    private static readonly TimeSpan StableStep = TimeSpan.FromMinutes(1);
    // A call started within a step ends at the next step at the earliest: 10 s steps cap a lane of 4 calls near
    // 24/min, below a boost drawn 1 in 3 of 10,000/h (56/min); finer steps let the lane run at its latency.
    private readonly TimeSpan fine = fineStep ?? FineStep;
    private static readonly DateTimeOffset Epoch = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Cost of one verdict per tier, judged with no latency, caching as configured by default.</summary>
    public async Task<BudgetCalibration> CalibrateAsync()
    {
        var flex = await CostPerVerdictAsync("flex");
        var standard = await CostPerVerdictAsync("standard");
        return new BudgetCalibration(flex, standard);
    }

    /// <summary>A day of v0 at <paramref name="rate"/> under <paramref name="policy"/>; returns the snapshot file and its time.</summary>
    public async Task<Snapshot> WarmUpAsync(DetectionPolicy policy, BudgetCalibration budget, double rate, int index)
    {
        var path = Path.Combine(workDirectory, string.Create(CultureInfo.InvariantCulture, $"warm-{policy.Key}-{rate:0.00}-{index}-{judgeError?.Specificity ?? 1:0.00}.db"));
        var traffic = new BenchTraffic($"w{index}", Epoch, PerHour, 1000 + index, _ => (rate, "v0"));
        var took = System.Diagnostics.Stopwatch.StartNew();
        var service = await VirtualService.StartAsync(path, Epoch, Settings(policy, budget), 1000 + index, latency, judgeError);
        await using (service)
        {
            await PlayAsync(service, traffic, Epoch + warmUp, fineFrom: DateTimeOffset.MaxValue, CoarseStep, stop: null);

            // Snapshot only between calls, so the copy holds no lease a restarted service would wait out.
            while (await service.LeasedAsync() > 0)
            {
                await StepAsync(service, traffic, FineStep);
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  warm-up {policy.Key} {rate:P0} #{index}: {took.Elapsed.TotalSeconds:0.0} s for a virtual day; {service.Profile}"));
            return new Snapshot(path, service.Clock.GetUtcNow());
        }
    }

    /// <summary>One seeded run resumed from <paramref name="snapshot"/>.</summary>
    public async Task<DetectionRun> RunAsync(DetectionPolicy policy, BudgetCalibration budget, DetectionScenario scenario, Snapshot snapshot, int seed, TimeSpan horizon)
    {
        var path = Path.Combine(workDirectory, string.Create(CultureInfo.InvariantCulture, $"run-{policy.Key}-{seed}-{Path.GetFileNameWithoutExtension(snapshot.Path)}.db"));
        File.Copy(snapshot.Path, path, overwrite: true);
        if (File.Exists(snapshot.Path + "-wal"))
        {
            File.Copy(snapshot.Path + "-wal", path + "-wal", overwrite: true);
        }

        var start = snapshot.At;
        var change = start + scenario.ChangeAfter;
        var traffic = new BenchTraffic($"r{seed}", start, PerHour, seed, Story(scenario, start, change));
        try
        {
            var service = await VirtualService.StartAsync(path, start, Settings(policy, budget), seed, latency, judgeError);
            await using (service)
            {
                DateTimeOffset? detected = null;
                var end = scenario.Stable ? start + horizon : change + horizon;
                await PlayAsync(service, traffic, end, fineFrom: scenario.Stable ? DateTimeOffset.MaxValue : change, scenario.Stable ? StableStep : CoarseStep, fine: fine, stop: async () =>
                {
                    if (scenario.Stable)
                    {
                        return false;
                    }

                    var after = (await service.FiringsSinceAsync(change)).FirstOrDefault(f => IsDetection(f, policy));
                    detected = after is null ? null : DateTimeOffset.FromUnixTimeMilliseconds(after.CreatedAt);
                    return detected is not null;
                });

                var alarms = (await service.FiringsSinceAsync(start))
                    .Count(f => IsDetection(f, policy) && (scenario.Stable || f.CreatedAt < change.ToUnixTimeMilliseconds()));
                var observedUntil = scenario.Stable ? service.Clock.GetUtcNow() : change;
                var spend = await service.SpendAsync(start, service.Clock.GetUtcNow());
                return new DetectionRun(detected - change, alarms, observedUntil - start, spend, service.Clock.GetUtcNow() - start);
            }
        }
        finally
        {
            if (keep)
            {
                File.Copy(path, path + ".kept", overwrite: true);
            }

            File.Delete(path);
            File.Delete(path + "-wal");
            File.Delete(path + "-shm");
        }
    }

    /// <summary>The scenario as rate and prompt_version over time, from the snapshot on.</summary>
    private static Func<DateTimeOffset, (double Rate, string Version)> Story(DetectionScenario scenario, DateTimeOffset start, DateTimeOffset change) => at =>
    {
        if (scenario.Stable)
        {
            // A harmless release every day, the first one right after the snapshot.
            var releases = (long)Math.Floor((at - start - scenario.ChangeAfter) / DetectionScenario.DeployEvery) + 1;
            return (scenario.RateBefore, releases <= 0 ? "v0" : string.Create(CultureInfo.InvariantCulture, $"v{releases}"));
        }

        var rate = at < change ? scenario.RateBefore : scenario.RateAfter;
        return scenario.Deploy
            ? (rate, at < change ? "v0" : "v1")
            : (rate, "v1"); // drift: v1 shipped harmlessly at the snapshot, its rate moves later
    };

    private static bool IsDetection(FiredAlert alert, DetectionPolicy policy) =>
        alert.Key.StartsWith(policy.Rule + "/", StringComparison.Ordinal);

    /// <summary>Steps the clock to <paramref name="end"/>, evaluating the rules every virtual minute; <paramref name="stop"/> (after each evaluation) ends it early.</summary>
    internal static async Task PlayAsync(VirtualService service, BenchTraffic traffic, DateTimeOffset end, DateTimeOffset fineFrom, TimeSpan coarse, Func<Task<bool>>? stop, TimeSpan? fine = null)
    {
        var fineStep = fine ?? FineStep;
        while (service.Clock.GetUtcNow() < end)
        {
            var now = service.Clock.GetUtcNow();
            // Coarse steps end on the next whole minute, where the rules are evaluated.
            var toMinute = TimeSpan.FromTicks(TimeSpan.TicksPerMinute - (now.Ticks % TimeSpan.TicksPerMinute));
            await StepAsync(service, traffic, now >= fineFrom - fineStep && now < fineFrom + FineFor ? fineStep : Min(coarse, toMinute == TimeSpan.FromMinutes(1) ? coarse : toMinute));
            if (service.Clock.GetUtcNow().Ticks / TimeSpan.TicksPerMinute != now.Ticks / TimeSpan.TicksPerMinute)
            {
                await service.EvaluateAsync();
                if (stop is not null && await stop())
                {
                    return;
                }
            }
        }
    }

    /// <summary>The policy's configuration with the command line's <c>--set</c> overrides on top.</summary>
    private Dictionary<string, string?> Settings(DetectionPolicy policy, BudgetCalibration budget)
    {
        var settings = policy.Settings(budget);
        foreach (var (key, value) in overrides)
        {
            settings[key] = value;
        }

        return settings;
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    internal static async Task StepAsync(VirtualService service, BenchTraffic traffic, TimeSpan step)
    {
        await service.PostAsync(traffic.Until(service.Clock.GetUtcNow() + step));
        await service.AdvanceAsync(step);
    }

    private async Task<double> CostPerVerdictAsync(string tier)
    {
        var path = Path.Combine(workDirectory, $"calibrate-{tier}.db");
        var settings = new Dictionary<string, string?>
        {
            ["Sampling:EveryN"] = "1",
            ["Sampling:Boost:Enabled"] = "false",
            ["Judge:ServiceTier"] = tier,
            ["Judge:RequestsPerMinute"] = "1000000",
        };
        var service = await VirtualService.StartAsync(path, Epoch, settings, 1, new LatencyProfile(new Dictionary<string, string>()));
        await using (service)
        {
            var traffic = new BenchTraffic("c", Epoch, 6_000, 1, _ => (0.05, "v0"));
            await service.PostAsync(traffic.Until(Epoch + TimeSpan.FromMinutes(5)));
            while (await service.OpenSamplesAsync() > 0)
            {
                await service.AdvanceAsync(FineStep);
            }

            var spend = await service.SpendAsync(Epoch, service.Clock.GetUtcNow() + TimeSpan.FromMinutes(1));
            return spend.Usd / spend.Verdicts;
        }
    }
}

internal sealed record Snapshot(string Path, DateTimeOffset At);
