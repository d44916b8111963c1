using System.Diagnostics;
using System.Net;
using System.Text;
using Dapper;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using QualityWatch.Alerting;
using QualityWatch.Hosting;
using QualityWatch.Simulator;
using QualityWatch.Trends;

namespace QualityWatch.Bench.Detection;

/// <summary>
/// The real service (ingest, sampler, judge worker, rollups, alert evaluator, notification outbox) on a
/// real SQLite file, judged by the simulator over loopback HTTP, both on one virtual clock. The driver
/// advances the clock in small steps and after each waits until the service has settled: every due
/// sample leased, and every leased sample's call held by the simulator's latency.
/// </summary>
internal sealed class VirtualService : IAsyncDisposable
{
    private const string JudgeKey = "bench-judge-key";
    private static readonly TimeSpan SettleTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan QuietFor = TimeSpan.FromMilliseconds(30);

    private readonly WebApplication app;
    private readonly SqliteConnection probe;
    private readonly int maxConcurrency;
    private readonly string serviceTier;
    private long rounds;

    private VirtualService(FakeTimeProvider clock, JudgeSimulator simulator, WebApplication app, string databasePath)
    {
        Clock = clock;
        Simulator = simulator;
        this.app = app;
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        Client = new HttpClient { BaseAddress = new Uri(address) };
        probe = new SqliteConnection($"Data Source={databasePath};Mode=ReadOnly;Pooling=False");
        probe.Open();
        maxConcurrency = app.Configuration.GetValue("Judge:MaxConcurrency", 4);
        serviceTier = app.Configuration.GetValue("Judge:ServiceTier", "flex")!;
    }

    public FakeTimeProvider Clock { get; }

    public SettleProfile Profile { get; } = new();

    public JudgeSimulator Simulator { get; }

    public HttpClient Client { get; }

    public static async Task<VirtualService> StartAsync(
        string databasePath, DateTimeOffset now, IDictionary<string, string?> settings, int seed, LatencyProfile latency, Simulator.Verdicts.JudgeErrorOptions? judgeError = null)
    {
        var clock = new FakeTimeProvider(now);
        var faults = new Simulator.Faults.FaultSettings { Seed = seed };
        foreach (var (tier, distribution) in latency.ByTier)
        {
            faults.Latency[tier] = distribution;
        }

        var simulator = await JudgeSimulator.StartAsync(new SimulatorOptions
        {
            GeminiApiKey = JudgeKey,
            TimeProvider = clock,
            Faults = faults,
            // The judge's errors are drawn from the run's seed, so run i of a perfect and a noisy judge sees the same traffic.
            Judge = judgeError is null ? new() : new() { Sensitivity = judgeError.Sensitivity, Specificity = judgeError.Specificity, Seed = seed },
        });
        var config = new Dictionary<string, string?>(settings)
        {
            ["Storage:DatabasePath"] = databasePath,
            ["Logging:LogLevel:Default"] = "Error",
            ["Logging:LogLevel:Microsoft.Hosting.Lifetime"] = "Error",
            ["Logging:LogLevel:Polly"] = "None",
            // Durability against power loss is not what is measured here; fsync per step would dominate.
            ["Storage:Synchronous"] = "Normal",
        };
        foreach (var (key, value) in simulator.ServiceSettings())
        {
            config[key] = value;
        }

        var app = QualityWatchApp.Build(["--urls", "http://127.0.0.1:0"], builder =>
        {
            builder.Configuration.AddInMemoryCollection(config);
            builder.Services.AddSingleton<TimeProvider>(clock);
        });
        await app.StartAsync();
        var service = new VirtualService(clock, simulator, app, databasePath);
        await service.SettleAsync();
        return service;
    }

    /// <summary>Posts NDJSON through the real ingest endpoint; returns once it is committed.</summary>
    public async Task PostAsync(string ndjson)
    {
        if (ndjson.Length == 0)
        {
            return;
        }

        var t0 = Stopwatch.GetTimestamp();
        using var content = new StringContent(ndjson, Encoding.UTF8, "application/x-ndjson");
        using var response = await Client.PostAsync("v1/interactions", content);
        Profile.PostTicks += Stopwatch.GetTimestamp() - t0;
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"ingest answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }

    /// <summary>Moves the virtual clock on and waits for the service to catch up with it.</summary>
    public async Task AdvanceAsync(TimeSpan step)
    {
        Clock.Advance(step);
        await SettleAsync();
    }

    /// <summary>One round of what the service's Quartz jobs do each minute: evaluate alert rules (and roll trends up).</summary>
    public async Task EvaluateAsync()
    {
        var t0 = Stopwatch.GetTimestamp();
        try
        {
            await EvaluateCoreAsync();
        }
        finally
        {
            Profile.EvalTicks += Stopwatch.GetTimestamp() - t0;
        }
    }

    private async Task EvaluateCoreAsync()
    {
        // Rollups every tenth round: each recomputes the whole day, and the alert rules read verdicts, not rollups.
        var t0 = Stopwatch.GetTimestamp();
        if (rounds++ % 10 == 0)
        {
            await app.Services.GetRequiredService<TrendRollup>().RunAsync(CancellationToken.None);
        }

        Profile.RollupTicks += Stopwatch.GetTimestamp() - t0;
        await app.Services.GetRequiredService<AlertEvaluator>().EvaluateAsync(CancellationToken.None);
    }

    /// <summary>
    /// Alert instances that went to firing (and notified) since <paramref name="since"/>, keyed rule/stream/prompt_version.
    /// Read from the alert history: the outbox's firing notifications are keyed by incident since incidents, and the
    /// incident's page goes out in the same evaluation as its first rule's firing.
    /// </summary>
    public async Task<IReadOnlyList<FiredAlert>> FiringsSinceAsync(DateTimeOffset since) =>
        [.. (await probe.QueryAsync<HistoryFiring>(
            """
            SELECT rule AS Rule, stream AS Stream, prompt_version AS PromptVersion, at AS At, reason AS Reason
            FROM alert_history WHERE to_state = 'firing' AND notified IS NOT NULL AND at >= @since ORDER BY at, id;
            """,
            new { since = since.ToUnixTimeMilliseconds() })).Select(f => new FiredAlert($"{f.Rule}/{f.Stream}/{f.PromptVersion}", f.At, f.Reason))];

    /// <summary>Any read of the service's database, through the read-only probe connection.</summary>
    public async Task<IReadOnlyList<T>> QueryAsync<T>(string sql, object? parameters = null) =>
        [.. await probe.QueryAsync<T>(sql, parameters)];

    public async Task<JudgeSpend> SpendAsync(DateTimeOffset from, DateTimeOffset to) =>
        await probe.QuerySingleAsync<JudgeSpend>(
            """
            SELECT COUNT(*) AS Verdicts, COALESCE(SUM(v.cost_usd), 0) AS Usd,
                   COALESCE(SUM(s.sample_reason = 'boost'), 0) AS Boosted,
                   COALESCE(SUM(v.service_tier = 'standard'), 0) AS Standard
            FROM verdicts v JOIN samples s ON s.interaction_id = v.interaction_id
            WHERE v.judged_at >= @from AND v.judged_at < @to;
            """,
            new { from = from.ToUnixTimeMilliseconds(), to = to.ToUnixTimeMilliseconds() });

    /// <summary>Samples still to judge (pending or leased).</summary>
    public Task<long> OpenSamplesAsync() =>
        probe.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM samples WHERE status IN ('pending', 'leased');");

    /// <summary>
    /// Waits (real time) until the judge worker has leased every due sample it has room for and every call
    /// it has out is held by the simulator's virtual latency; then nothing moves until the clock does. A call
    /// can also wait on the virtual clock inside the client (a retry backoff, a timeout): when nothing has
    /// changed for <see cref="QuietFor"/> of real time, that is taken as settled too.
    /// </summary>
    public async Task SettleAsync()
    {
        var started = Stopwatch.GetTimestamp();
        var quietSince = started;
        (long Leased, long Due, int Waiting)? last = null;
        var settledLooks = 0;
        var looks = 0;
        while (true)
        {
            var nowMs = Clock.GetUtcNow().ToUnixTimeMilliseconds();
            // Per lane (JudgeLaneSlots): routine samples in the service tier, and samples routed to another tier.
            var lanes = await probe.QuerySingleAsync<(long LeasedRoutine, long LeasedRouted, long DueRoutine, long DueRouted)>(
                """
                SELECT COALESCE(SUM(status = 'leased' AND NOT routed), 0), COALESCE(SUM(status = 'leased' AND routed), 0),
                       COALESCE(SUM(due AND NOT routed), 0), COALESCE(SUM(due AND routed), 0)
                FROM (SELECT status, judge_tier IS NOT NULL AND judge_tier <> @serviceTier AS routed,
                             status = 'pending' AND (next_attempt_at IS NULL OR next_attempt_at <= @nowMs) AS due
                      FROM samples WHERE status IN ('pending', 'leased'));
                """,
                new { nowMs, serviceTier });
            var (leased, due) = (lanes.LeasedRoutine + lanes.LeasedRouted, lanes.DueRoutine + lanes.DueRouted);
            var state = (leased, due, Simulator.Stats.Waiting);

            // Seen settled twice in a row: a commit and the next lease can fall between two looks.
            var lanesFull = (lanes.DueRoutine == 0 || lanes.LeasedRoutine >= maxConcurrency) && (lanes.DueRouted == 0 || lanes.LeasedRouted >= maxConcurrency);
            settledLooks = leased == state.Waiting && lanesFull ? settledLooks + 1 : 0;
            if (settledLooks >= 2)
            {
                Profile.Fast++;
                Profile.SettleTicks += Stopwatch.GetTimestamp() - started;
                return;
            }

            if (state != last)
            {
                (last, quietSince) = (state, Stopwatch.GetTimestamp());
            }
            else if (Stopwatch.GetElapsedTime(quietSince) >= QuietFor)
            {
                Profile.Quiet++;
                Profile.SettleTicks += Stopwatch.GetTimestamp() - started;
                return;
            }

            if (Stopwatch.GetElapsedTime(started) > SettleTimeout)
            {
                throw new TimeoutException($"the service did not settle at {Clock.GetUtcNow():O}: {leased} leased, {state.Waiting} waiting at the judge, {due} due");
            }

            // Most steps settle within a few looks; yield first, sleep only when the service is busy.
            if (++looks < 20)
            {
                await Task.Yield();
            }
            else
            {
                await Task.Delay(1);
            }
        }
    }

    /// <summary>Leased samples right now (calls out at the judge).</summary>
    public Task<long> LeasedAsync() =>
        probe.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM samples WHERE status = 'leased';");

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await probe.DisposeAsync();
        // Time keeps passing while the service stops (its drain and retries wait on this clock), a second per millisecond.
        using var stopped = new CancellationTokenSource();
        var ticking = Task.Run(async () =>
        {
            while (!stopped.IsCancellationRequested)
            {
                Clock.Advance(TimeSpan.FromSeconds(1));
                await Task.Delay(1, CancellationToken.None);
            }
        }, CancellationToken.None);
        await Simulator.DisposeAsync();
        await app.StopAsync();
        await stopped.CancelAsync();
        await ticking;
        await app.DisposeAsync();
    }
}

internal sealed class SettleProfile
{
    public long Fast;
    public long Quiet;
    public long SettleTicks;
    public long PostTicks;
    public long EvalTicks;
    public long RollupTicks;

    public override string ToString() => System.FormattableString.Invariant(
        $"settle fast {Fast} quiet {Quiet} {SettleTicks * 1000 / Stopwatch.Frequency} ms, post {PostTicks * 1000 / Stopwatch.Frequency} ms, eval {EvalTicks * 1000 / Stopwatch.Frequency} ms (rollup {RollupTicks * 1000 / Stopwatch.Frequency} ms)");
}

internal sealed record FiredAlert(string Key, long CreatedAt, string Reason);

internal sealed record HistoryFiring(string Rule, string Stream, string PromptVersion, long At, string Reason);

internal sealed record JudgeSpend(long Verdicts, double Usd, long Boosted, long Standard);
