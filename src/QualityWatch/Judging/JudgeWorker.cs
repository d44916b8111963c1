using Microsoft.Extensions.Options;
using QualityWatch.Hosting;
using QualityWatch.Judging.Queue;
using QualityWatch.Telemetry;

namespace QualityWatch.Judging;

/// <summary>
/// Leases due samples and judges them with bounded concurrency. At-least-once calls,
/// exactly-once verdicts: a verdict is committed only by the lease holder.
/// </summary>
internal sealed class JudgeWorker(
    IJudgeProvider provider,
    JudgeStep step,
    SampleQueue queue,
    LeaseOwner leaseOwner,
    JudgeQueueSignal signal,
    JudgeStatus status,
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
        var released = await queue.ReleaseAllAsync(owner, time.GetUtcNow(), CancellationToken.None);
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
        var due = await queue.LeaseAsync(owner, free, judge.ServiceTier, now, judge.ResolvedLeaseDuration, stoppingToken);
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
        var tier = judge.ServiceTier;
        try
        {
            tier = TierFor(sample);
            var result = await step.CallAsync(sample, tier, stoppingToken, callToken);
            var usage = result.Outcome.Usage;
            metrics.RecordJudgeCall(
                provider.Name, provider.Model, JudgeMetricLabels.Tier(result.TierUsed), JudgeMetricLabels.Outcome(result.Failure?.Kind),
                result.Latency, (usage.PromptTokens, usage.CachedTokens, usage.OutputTokens, usage.ThinkingTokens), result.CostUsd);
            status.Record(result.Outcome, time.GetUtcNow());
            await StoreAsync(sample, result);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Released with the other leases once the loop exits.
        }
        catch (Exception ex)
        {
            LoopFailed(judge.AttemptBackoff, ex);
            await StoreAsync(sample, step.Unanswered(sample, tier, JudgeOutcome.Failed(JudgeFailureKind.Transient, $"internal error: {ex.GetType().Name}")));
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
            sample.LastFailure == JudgeFailureKind.Unavailable)
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

    private async Task StoreAsync(SampleForJudging sample, JudgeResult result)
    {
        // Paused before the sample is given back, so no call starts between the two.
        if (result.Failure is { Decision.Action: JudgeFailureAction.Pause } pause)
        {
            PauseUntil(pause);
        }

        var stored = await step.StoreAsync(queue, owner, sample, result);
        if (result.Verdict is { } verdict)
        {
            if (stored)
            {
                metrics.RecordVerdict(sample.Stream, sample.PromptVersion, verdict.Accuracy, verdict.Tone, verdict.Hallucination);
                Log.SampleJudged(logger, sample.InteractionId, verdict.LatencyMs, result.TierUsed, sample.Attempts);
            }
            else
            {
                Log.LeaseLost(logger, sample.InteractionId);
            }

            return;
        }

        var failure = result.Failure!;
        var kind = failure.Kind;
        if (failure.Decision.Failed && stored)
        {
            metrics.RecordSampleFailed(sample.Stream);
        }

        // A persistent fault fails every sample alike: one line per kind and minute, then a count.
        if (failure.Decision.Failed)
        {
            if (throttle.ShouldLog($"judge-failed|{kind}", (n, period) => Log.SampleFailedRepeated(logger, kind, n, period)))
            {
                Log.SampleFailed(logger, sample.InteractionId, sample.Attempts, failure.Reason);
            }
        }
        else if (failure.Decision.Action == JudgeFailureAction.NextAttempt &&
                 throttle.ShouldLog($"judge-retry|{kind}", (n, period) => Log.SampleRetryRepeated(logger, kind, n, period)))
        {
            Log.SampleRetry(logger, sample.InteractionId, sample.Attempts, kind, result.Outcome.Error ?? "", failure.Decision.Next - time.GetUtcNow());
        }
    }

    private void LoopFailed(TimeSpan delay, Exception ex)
    {
        if (throttle.ShouldLog(LogThrottle.KeyOf("judge-loop", ex), (n, period) => Log.WorkerLoopFailedRepeated(logger, n, period)))
        {
            Log.WorkerLoopFailed(logger, delay, ex);
        }
    }

    private void PauseUntil(JudgeFailure pause)
    {
        var until = pause.Decision.Next;
        lock (pauseLock)
        {
            if (until <= pausedUntil)
            {
                return;
            }

            pausedUntil = until;
        }

        status.Set($"paused until {until:O}: {pause.Reason}");
        switch (pause.Kind)
        {
            case JudgeFailureKind.DailyQuota:
                Log.DailyQuotaPause(logger, pause.Reason, until);
                break;
            case JudgeFailureKind.Unauthorized:
                Log.KeyRejected(logger, pause.Reason, until);
                break;
            default:
                Log.CircuitOpen(logger, until - time.GetUtcNow());
                break;
        }
    }
}
