using System.Diagnostics;
using Microsoft.Extensions.Options;
using QualityWatch.Judging;

namespace QualityWatch.Backfill;

/// <summary>
/// Judges the backfill queue of the registered rubric one call per sample in a service tier, with
/// the judge's concurrency and rate limits. Interrupting gives every held pair back; a re-run resumes.
/// </summary>
internal sealed class BackfillJudge(
    IJudgeProvider provider,
    BackfillWork queue,
    LeaseOwner leaseOwner,
    JudgeRateLimits limits,
    CostCalculator cost,
    Rubric rubric,
    IOptions<JudgeOptions> options,
    TimeProvider time,
    ILogger<BackfillJudge> logger)
{
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(250);
    private readonly JudgeOptions judge = options.Value;

    /// <summary>Runs until nothing is due any more; returns why it stopped early, or null when the queue is drained.</summary>
    public async Task<string?> RunAsync(string tier, Func<Task> onProgress, CancellationToken cancellationToken)
    {
        // The run beats as a lease owner of its own process, so a run killed with -9 leaves nothing for the lease expiry.
        var owner = leaseOwner.Id;
        await leaseOwner.EnsureRegisteredAsync(cancellationToken);
        using var beating = new CancellationTokenSource();
        var heartbeat = leaseOwner.KeepAliveAsync(beating.Token);
        var running = new List<Task<string?>>();
        string? stop = null;
        try
        {
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                foreach (var finished in running.Where(t => t.IsCompleted))
                {
                    stop ??= finished.Result;
                }

                running.RemoveAll(t => t.IsCompleted);
                if (stop is not null)
                {
                    break;
                }

                var free = judge.MaxConcurrency - running.Count;
                var leased = free > 0
                    ? await queue.LeaseAsync(rubric.Version, owner, free, time.GetUtcNow(), judge.ResolvedLeaseDuration, cancellationToken)
                    : [];
                running.AddRange(leased.Select(s => Task.Run(() => JudgeOneAsync(owner, s, tier, cancellationToken), CancellationToken.None)));
                if (running.Count == 0)
                {
                    var counts = await queue.CountsAsync(rubric.Version, cancellationToken);
                    if (counts.Pending + counts.Leased == 0)
                    {
                        break;
                    }
                }

                // Wake on a finished call, or after a tick: retries fall due by time.
                await Task.WhenAny(running.Count > 0 ? Task.WhenAny(running) : Task.CompletedTask, Task.Delay(Tick, time, cancellationToken));
                await onProgress();
            }
        }
        finally
        {
            await Task.WhenAll(running).ContinueWith(_ => { }, TaskScheduler.Default);
            var released = await queue.ReleaseAllAsync(owner, time.GetUtcNow(), CancellationToken.None);
            Log.BackfillReleased(logger, released);
            await beating.CancelAsync();
            await heartbeat;
            await leaseOwner.RetireAsync(CancellationToken.None);
        }

        return stop;
    }

    private async Task<string?> JudgeOneAsync(string owner, SampleForJudging sample, string tier, CancellationToken cancellationToken)
    {
        try
        {
            await limits.AcquireTokensAsync(rubric.EstimatedTokens + (Rubric.SampleText(sample).Length / 4), cancellationToken);
            var started = Stopwatch.GetTimestamp();
            var outcome = await provider.JudgeAsync(sample, tier, cancellationToken);
            var latency = Stopwatch.GetElapsedTime(started);
            var tierUsed = outcome.TierUsed ?? tier;
            var costUsd = cost.Estimate(provider.Model, outcome.Usage, tierUsed);
            var now = time.GetUtcNow();
            if (outcome.Verdict is { } verdict)
            {
                var record = VerdictRecord.Of(sample.InteractionId, rubric.Version, verdict, provider.Name, provider.Model, tier, tierUsed, latency, sample.Attempts, outcome.Usage, costUsd, now);
                if (!await queue.CompleteAsync(owner, record, CancellationToken.None))
                {
                    Log.BackfillLeaseLost(logger, sample.InteractionId);
                }

                return null;
            }

            var kind = outcome.Failure ?? JudgeFailureKind.Transient;
            var reason = $"{kind}: {outcome.Error}";

            // A refused key or a spent daily quota fails every call alike: stop instead of burning attempts.
            var fatal = kind is JudgeFailureKind.Unauthorized or JudgeFailureKind.DailyQuota;
            var refund = fatal || kind is JudgeFailureKind.CacheMissing or JudgeFailureKind.CircuitOpen;
            var failed = !refund && sample.Attempts >= judge.MaxAttempts;
            var next = refund ? now : now + (outcome.RetryAfter ?? judge.BackoffAfter(sample.Attempts));
            await queue.ReturnAsync(owner, sample.InteractionId, rubric.Version, reason, next, failed, refund, costUsd, now, CancellationToken.None);
            Log.BackfillCallFailed(logger, sample.InteractionId, sample.Attempts, reason, failed);
            return fatal ? reason : null;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return null; // released with the other leases when the run ends
        }
    }
}
