using System.Globalization;
using Microsoft.Extensions.Options;
using QualityWatch.Judging;

namespace QualityWatch.Backfill;

/// <summary>
/// Judges the backfill queue of the registered rubric one call per sample in a service tier, with
/// the judge's concurrency and rate limits. Interrupting gives every held pair back; a re-run resumes.
/// </summary>
internal sealed class BackfillJudge(
    JudgeStep step,
    BackfillWork queue,
    LeaseOwner leaseOwner,
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
            var result = await step.CallAsync(sample, tier, cancellationToken, cancellationToken);
            var stored = await step.StoreAsync(queue, owner, sample, result);
            if (result.Failure is not { } failure)
            {
                if (!stored)
                {
                    Log.BackfillLeaseLost(logger, sample.InteractionId);
                }

                return null;
            }

            Log.BackfillCallFailed(logger, sample.InteractionId, sample.Attempts, failure.Reason, failure.Decision.Failed);

            // The live worker waits a pause out; a command hands it back to its operator, because a spent
            // quota, a refused key or a judge that keeps failing fails every further call alike.
            return failure.Decision.Action == JudgeFailureAction.Pause
                ? string.Create(CultureInfo.InvariantCulture, $"{failure.Reason}; the judge is paused until {failure.Decision.Next:O}")
                : null;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return null; // released with the other leases when the run ends
        }
    }
}
