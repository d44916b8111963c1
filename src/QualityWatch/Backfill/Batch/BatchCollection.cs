using Microsoft.Extensions.Options;
using QualityWatch.Backfill.Batch.Wire;
using QualityWatch.Judging;
using QualityWatch.Judging.Gemini;

namespace QualityWatch.Backfill.Batch;

/// <summary>
/// Polls running batch jobs that are due and collects finished ones: every result line mapped back to
/// its sample by key, failed lines sent back to the queue. Shared by the service's
/// <see cref="BatchCollector"/> and the backfill command; a claim on the job row makes sure only one
/// of them acts on a job at a time, and a finished job is stored once.
/// </summary>
internal sealed class BatchCollection(
    GeminiBatchClient client,
    BatchJobs jobs,
    CostCalculator cost,
    IOptions<JudgeOptions> judge,
    IOptions<BatchOptions> options,
    TimeProvider time,
    IEnumerable<IVerdictObserver> observers,
    ILogger<BatchCollection> logger)
{
    /// <summary>Who claims jobs for this process (one per container: the service and a backfill differ).</summary>
    public string Owner { get; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    /// <summary>Polls the due running jobs of <paramref name="rubric"/> (null: every rubric); returns how many were collected.</summary>
    public async Task<int> PollDueAsync(string? rubric, CancellationToken cancellationToken)
    {
        var collected = 0;
        foreach (var job in await jobs.InStateAsync(rubric, "running", time.GetUtcNow(), cancellationToken))
        {
            var now = time.GetUtcNow();
            if (!await jobs.ClaimAsync(job.Id, Owner, now, now + options.Value.CollectLease, cancellationToken))
            {
                continue; // another poller holds it
            }

            var backoff = TimeSpan.FromTicks(Math.Min(options.Value.MaxPollInterval.Ticks, options.Value.PollInterval.Ticks * (1L << (int)Math.Min(job.Polls, 16))));
            try
            {
                var status = await client.GetAsync(job.RemoteName!, cancellationToken);
                if (!status.Done)
                {
                    await jobs.PollLaterAsync(job.Id, Owner, time.GetUtcNow() + backoff, cancellationToken);
                    continue;
                }

                collected += await CollectAsync(job, status, cancellationToken) ? 1 : 0;
            }
            catch (Exception ex) when (ex is BatchApiException or HttpRequestException or OperationCanceledException)
            {
                // Give the claim back with the backoff, so a failing poll neither spins nor locks others out;
                // an interrupted backfill gives it back too, or its re-run would wait out CollectLease.
                await jobs.PollLaterAsync(job.Id, Owner, time.GetUtcNow() + backoff, CancellationToken.None);
                throw;
            }
        }

        return collected;
    }

    private async Task<bool> CollectAsync(BatchJobRow job, BatchStatus status, CancellationToken cancellationToken)
    {
        var verdicts = new List<VerdictRecord>();
        var failures = new List<BatchItemFailure>();
        var state = status.State switch { BatchStatus.Succeeded => "done", BatchStatus.Expired => "expired", _ => "failed" };
        if (state == "done")
        {
            var lines = status.Inlined ?? (status.ResponsesFile is { } file ? await client.DownloadAsync(file, cancellationToken) : []);
            var now = time.GetUtcNow();
            foreach (var line in lines)
            {
                var key = line.Metadata?.Key ?? line.Key;
                if (key is null)
                {
                    continue; // unmapped lines cannot be trusted; their pairs go back to the queue
                }

                var (verdict, usage, kind, problem) = Read(line);
                var usd = cost.Estimate(judge.Value.ResolvedModel, usage, BackfillModes.Batch);
                if (verdict is not null)
                {
                    verdicts.Add(VerdictRecord.Of(key, job.Rubric, verdict, JudgeProviders.Gemini, judge.Value.ResolvedModel, BackfillModes.Batch, BackfillModes.Batch,
                        TimeSpan.Zero, 1, usage, usd, now));
                }
                else
                {
                    failures.Add(new BatchItemFailure(key, kind, problem!, (double)usd));
                }
            }
        }

        if (await jobs.FinishAsync(job.Id, Owner, state, verdicts, failures, options.Value.MaxAttempts, time.GetUtcNow(), cancellationToken) is not { } stored)
        {
            Log.BatchCollectLost(logger, job.RemoteName!);
            return false;
        }

        // After the commit and only the verdicts it stored (a pair judged meanwhile keeps its first verdict), as JudgeStep
        // does for live verdicts: each is exported once, whoever collected the job.
        foreach (var verdict in stored)
        {
            foreach (var observer in observers)
            {
                observer.OnVerdictStored(verdict);
            }
        }

        Log.BatchCollected(logger, job.RemoteName!, status.State, verdicts.Count, failures.Count);
        return true;
    }

    // A line the API refused (its own error) is Rejected; a reply without a valid verdict is InvalidReply.
    private static (Verdict? Verdict, JudgeUsage Usage, JudgeFailureKind Kind, string? Problem) Read(BatchResult line)
    {
        if (line.Response is not { } response)
        {
            return (null, default, JudgeFailureKind.Rejected, $"error: {line.Error?.Status ?? "no response"}");
        }

        var (text, problem, usage) = GeminiReply.Read(response);
        if (problem is not null)
        {
            return (null, usage, JudgeFailureKind.InvalidReply, $"{nameof(JudgeFailureKind.InvalidReply)}: {problem}");
        }

        return VerdictParser.TryParse(text, out var verdict, out var error)
            ? (verdict, usage, JudgeFailureKind.InvalidReply, null)
            : (null, usage, JudgeFailureKind.InvalidReply, $"{nameof(JudgeFailureKind.InvalidReply)}: {error}");
    }
}
