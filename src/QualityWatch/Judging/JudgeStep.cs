using System.Diagnostics;
using QualityWatch.Judging.Queue;

namespace QualityWatch.Judging;

/// <summary>
/// Judging one leased sample, the same for the live worker and backfill: wait for rate-limit room,
/// call the provider, price the call, then store the verdict or give the sample back as
/// <see cref="JudgeFailurePolicy"/> decides. Callers add only what is theirs (metrics, pausing, stopping).
/// </summary>
internal sealed class JudgeStep(IJudgeProvider provider, JudgeRateLimits limits, CostCalculator cost, Rubric rubric, JudgeFailurePolicy policy, TimeProvider time,
    IEnumerable<IVerdictObserver> observers)
{
    /// <summary>Calls the judge. <paramref name="waitToken"/> stops the wait for a rate-limit permit, <paramref name="callToken"/> a call already sent.</summary>
    public async Task<JudgeResult> CallAsync(SampleForJudging sample, string tier, CancellationToken waitToken, CancellationToken callToken)
    {
        await limits.AcquireTokensAsync(rubric.EstimatedTokens + (Rubric.SampleText(sample).Length / 4), waitToken);
        var started = Stopwatch.GetTimestamp();
        var outcome = await provider.JudgeAsync(sample, tier, callToken);
        var latency = Stopwatch.GetElapsedTime(started);
        var tierUsed = outcome.TierUsed ?? tier;

        // A failed call can still be billed (e.g. an invalid reply), so its tokens and cost count too.
        var costUsd = cost.Estimate(provider.Model, outcome.Usage, tierUsed);
        var now = time.GetUtcNow();
        return outcome.Verdict is { } verdict
            ? new JudgeResult(outcome, tier, tierUsed, latency, costUsd,
                VerdictRecord.Of(sample.InteractionId, rubric.Version, verdict, provider.Name, provider.Model, tier, tierUsed, latency, sample.Attempts, outcome.Usage, costUsd, now), null)
            : new JudgeResult(outcome, tier, tierUsed, latency, costUsd, null, Failure(sample, outcome, costUsd, now));
    }

    /// <summary>A sample that got no answer because something on our side failed (<paramref name="outcome"/> says what).</summary>
    public JudgeResult Unanswered(SampleForJudging sample, string tier, JudgeOutcome outcome) =>
        new(outcome, tier, tier, TimeSpan.Zero, 0m, null, Failure(sample, outcome, 0m, time.GetUtcNow()));

    /// <summary>
    /// Stores the verdict, or gives the sample back; false when the lease was lost meanwhile. Not the
    /// stopping token: a verdict already paid for is committed even during shutdown.
    /// </summary>
    public async Task<bool> StoreAsync(IJudgeQueue queue, string owner, SampleForJudging sample, JudgeResult result)
    {
        if (result.Verdict is not { } verdict)
        {
            return await queue.ReturnAsync(owner, sample.InteractionId, rubric.Version, result.Failure!, time.GetUtcNow(), CancellationToken.None);
        }

        if (!await queue.CompleteAsync(owner, verdict, CancellationToken.None))
        {
            return false;
        }

        // After the commit, so an observer can neither hold it up nor undo it.
        foreach (var observer in observers)
        {
            observer.OnVerdictStored(verdict);
        }

        return true;
    }

    private JudgeFailure Failure(SampleForJudging sample, JudgeOutcome outcome, decimal costUsd, DateTimeOffset now)
    {
        var kind = outcome.Failure ?? JudgeFailureKind.Transient;
        return new JudgeFailure(kind, $"{kind}: {outcome.Error}", policy.Decide(kind, sample.Attempts, outcome.RetryAfter, now), costUsd);
    }
}
