using System.Diagnostics;
using Microsoft.Extensions.Options;
using QualityWatch.Hosting;
using QualityWatch.Telemetry;

namespace QualityWatch.Judging;

/// <summary>
/// Leases due samples and judges them with bounded concurrency. At-least-once calls,
/// exactly-once verdicts: a verdict is committed only by the lease holder.
/// </summary>
internal sealed class JudgeWorker(
    IJudgeProvider provider,
    SampleLeases leases,
    LeaseOwner leaseOwner,
    JudgeRateLimits limits,
    JudgeQueueSignal signal,
    JudgeStatus status,
    CostCalculator cost,
    QualityWatchMetrics metrics,
    Rubric rubric,
    IOptions<JudgeOptions> options,
    IOptions<ShutdownOptions> shutdown,
    TimeProvider time,
    LogThrottle throttle,
    ILogger<JudgeWorker> logger) : BackgroundService
{
    private readonly JudgeOptions judge = options.Value;
    private readonly string owner = leaseOwner.Id;
    private readonly List<(Task Call, bool Routed)> running = [];
    private readonly Lock pauseLock = new();
    private DateTimeOffset pausedUntil;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (string.IsNullOrEmpty(judge.ApiKey))
        {
            status.Set("idle: no judge API key configured");
            Log.WorkerDisabled(logger, judge.Provider == JudgeProviders.OpenAi ? "OPENAI_API_KEY" : "GEMINI_API_KEY");
            return;
        }

        // SQLite calls complete synchronously: yield first so host start-up is not held by the loop.
        await Task.Yield();

        // Calls already sent outlive the stopping token by Shutdown:JudgeGrace (see the drain below).
        var grace = shutdown.Value.JudgeGrace;
        using var calls = new CancellationTokenSource(Timeout.InfiniteTimeSpan, time);
        await using var drain = stoppingToken.Register(() => calls.CancelAfter(grace));
        Log.WorkerStarted(logger, provider.Name, provider.Model, judge.ServiceTier, judge.RequestsPerMinute, judge.MaxConcurrency, rubric.Version);
        status.Set("running");
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await StepAsync(stoppingToken, calls.Token);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                // Never let the loop die (the database may be briefly locked or full): wait and go on.
                LoopFailed(TimeSpan.FromSeconds(5), ex);
                await Task.Delay(TimeSpan.FromSeconds(5), time, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }

        // Shutdown: calls still waiting for a rate-limit permit stopped with the token; calls already
        // sent get the grace to answer (their verdict is committed), then are cancelled. Every
        // sample still leased is given back, due at once, so nothing waits for a lease expiry.
        running.RemoveAll(r => r.Call.IsCompleted);
        if (running.Count > 0)
        {
            Log.DrainingCalls(logger, running.Count, grace);
        }

        await Task.WhenAll(running.Select(r => r.Call)).ContinueWith(_ => { }, TaskScheduler.Default);
        var released = await leases.ReleaseAllAsync(owner, time.GetUtcNow(), CancellationToken.None);
        Log.LeasesReleased(logger, released);
        status.Set("stopped");
    }

    private async Task StepAsync(CancellationToken stoppingToken, CancellationToken callToken)
    {
        running.RemoveAll(r => r.Call.IsCompleted);
        var now = time.GetUtcNow();
        DateTimeOffset until;
        lock (pauseLock)
        {
            until = pausedUntil;
        }

        if (until > now)
        {
            await Task.Delay(until - now, time, stoppingToken);
            status.Set("running");
            return;
        }

        var routed = running.Count(r => r.Routed);
        var free = new JudgeLaneSlots(judge.MaxConcurrency - (running.Count - routed), judge.MaxConcurrency - routed);
        if (free.IsEmpty)
        {
            // Not held by calls in their shutdown grace: the loop must see the stop at once.
            await Task.WhenAny(running.Select(r => r.Call)).WaitAsync(stoppingToken);
            return;
        }

        await leaseOwner.EnsureRegisteredAsync(stoppingToken);
        var due = await leases.LeaseAsync(owner, free, judge.ServiceTier, now, judge.ResolvedLeaseDuration, stoppingToken);
        if (due.Count == 0)
        {
            // Nothing due in a lane with room: sleep until a call ends, ingest rings or the poll interval
            // passes (retries fall due by time).
            var ring = signal.WaitAsync(judge.PollInterval, time, stoppingToken);
            await (running.Count > 0 ? Task.WhenAny(Task.WhenAny(running.Select(r => r.Call)), ring) : ring);
            return;
        }

        foreach (var sample in due)
        {
            running.Add((Task.Run(() => JudgeOneAsync(sample, stoppingToken, callToken), CancellationToken.None), JudgeLaneSlots.IsRouted(sample.JudgeTier, judge.ServiceTier)));
        }
    }

    private async Task JudgeOneAsync(SampleForJudging sample, CancellationToken stoppingToken, CancellationToken callToken)
    {
        try
        {
            var tier = TierFor(sample);
            await limits.AcquireTokensAsync(rubric.EstimatedTokens + (Rubric.SampleText(sample).Length / 4), stoppingToken);
            var started = Stopwatch.GetTimestamp();
            var outcome = await provider.JudgeAsync(sample, tier, callToken);
            var latency = Stopwatch.GetElapsedTime(started);
            var tierUsed = outcome.TierUsed ?? tier;

            // A failed call can still be billed (e.g. an invalid reply), so its tokens and cost count too.
            var costUsd = cost.Estimate(provider.Model, outcome.Usage, tierUsed);
            var usage = outcome.Usage;
            metrics.RecordJudgeCall(
                provider.Name, provider.Model, JudgeMetricLabels.Tier(tierUsed), JudgeMetricLabels.Outcome(outcome.Verdict is null ? outcome.Failure ?? JudgeFailureKind.Transient : null),
                latency, (usage.PromptTokens, usage.CachedTokens, usage.OutputTokens, usage.ThinkingTokens), costUsd);
            status.Record(outcome, time.GetUtcNow());
            if (outcome.Verdict is { } verdict)
            {
                await CommitAsync(sample, tier, outcome, verdict, latency, costUsd);
            }
            else
            {
                await ReturnAsync(sample, outcome);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Released with the other leases once the loop exits.
        }
        catch (Exception ex)
        {
            LoopFailed(judge.AttemptBackoff, ex);
            await ReturnAsync(sample, JudgeOutcome.Failed(JudgeFailureKind.Transient, $"internal error: {ex.GetType().Name}"));
        }
    }

    /// <summary>
    /// Boost samples ask for a faster tier because a deploy regression is caught only as fast as they
    /// are judged; routine samples take Judge:ServiceTier, falling back from a shedding Flex when configured.
    /// </summary>
    private string TierFor(SampleForJudging sample)
    {
        var requested = sample.JudgeTier ?? judge.ServiceTier;
        if (judge.FallbackToStandardAfter is { } after && requested == JudgeTiers.Flex && sample.FirstAttemptAt is { } first &&
            sample.LastError?.StartsWith(nameof(JudgeFailureKind.Unavailable), StringComparison.Ordinal) == true)
        {
            var waited = time.GetUtcNow() - DateTimeOffset.FromUnixTimeMilliseconds(first);
            if (waited >= after)
            {
                Log.FallbackToStandard(logger, sample.InteractionId, waited);
                return JudgeTiers.Standard;
            }
        }

        return requested;
    }

    private async Task CommitAsync(SampleForJudging sample, string tier, JudgeOutcome outcome, Verdict verdict, TimeSpan latency, decimal costUsd)
    {
        var tierUsed = outcome.TierUsed ?? tier;
        var record = VerdictRecord.Of(
            sample.InteractionId, rubric.Version, verdict, provider.Name, provider.Model, tier, tierUsed, latency, sample.Attempts, outcome.Usage, costUsd, time.GetUtcNow());

        // Not the stopping token: a verdict already paid for is committed even during shutdown.
        if (await leases.CompleteAsync(owner, record, CancellationToken.None))
        {
            metrics.RecordVerdict(sample.Stream, sample.PromptVersion, verdict.Accuracy, verdict.Tone, verdict.Hallucination);
            Log.SampleJudged(logger, sample.InteractionId, record.LatencyMs, tierUsed, sample.Attempts);
        }
        else
        {
            Log.LeaseLost(logger, sample.InteractionId);
        }
    }

    private async Task ReturnAsync(SampleForJudging sample, JudgeOutcome outcome)
    {
        var now = time.GetUtcNow();
        var kind = outcome.Failure ?? JudgeFailureKind.Transient;
        var reason = $"{kind}: {outcome.Error}";
        var (refund, next) = kind switch
        {
            JudgeFailureKind.CacheMissing => (true, now),
            JudgeFailureKind.DailyQuota => (true, PauseUntil(NextUtcMidnight(now), reason)),
            JudgeFailureKind.CircuitOpen => (true, PauseUntil(now + TimeSpan.FromSeconds(30), reason)),

            // A refused key is a configuration problem: burning every sample's attempts would lose them.
            JudgeFailureKind.Unauthorized => (true, PauseUntil(now + TimeSpan.FromMinutes(1), reason)),
            _ => (false, now + (outcome.RetryAfter ?? judge.BackoffAfter(sample.Attempts))),
        };
        var failed = !refund && sample.Attempts >= judge.MaxAttempts;
        var returned = await leases.ReturnAsync(owner, sample.InteractionId, reason, next, failed, refund, now, CancellationToken.None);
        if (failed && returned)
        {
            metrics.RecordSampleFailed(sample.Stream);
        }

        // A persistent fault fails every sample alike: one line per kind and minute, then a count.
        if (failed)
        {
            if (throttle.ShouldLog($"judge-failed|{kind}", (n, period) => Log.SampleFailedRepeated(logger, kind, n, period)))
            {
                Log.SampleFailed(logger, sample.InteractionId, sample.Attempts, reason);
            }
        }
        else if (!refund && throttle.ShouldLog($"judge-retry|{kind}", (n, period) => Log.SampleRetryRepeated(logger, kind, n, period)))
        {
            Log.SampleRetry(logger, sample.InteractionId, sample.Attempts, kind, outcome.Error ?? "", next - now);
        }
    }

    private void LoopFailed(TimeSpan delay, Exception ex)
    {
        if (throttle.ShouldLog(LogThrottle.KeyOf("judge-loop", ex), (n, period) => Log.WorkerLoopFailedRepeated(logger, n, period)))
        {
            Log.WorkerLoopFailed(logger, delay, ex);
        }
    }

    private DateTimeOffset PauseUntil(DateTimeOffset until, string reason)
    {
        lock (pauseLock)
        {
            if (until <= pausedUntil)
            {
                return until;
            }

            pausedUntil = until;
        }

        status.Set($"paused until {until:O}: {reason}");
        if (reason.StartsWith(nameof(JudgeFailureKind.DailyQuota), StringComparison.Ordinal))
        {
            Log.DailyQuotaPause(logger, reason, until);
        }
        else if (reason.StartsWith(nameof(JudgeFailureKind.Unauthorized), StringComparison.Ordinal))
        {
            Log.KeyRejected(logger, reason, until);
        }
        else
        {
            Log.CircuitOpen(logger, until - time.GetUtcNow());
        }

        return until;
    }

    private static DateTimeOffset NextUtcMidnight(DateTimeOffset now) => new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero).AddDays(1);
}
