using System.Diagnostics;
using Microsoft.Extensions.Options;
using QualityWatch.Telemetry;

namespace QualityWatch.Ingestion;

/// <summary>
/// The single SQLite writer: drains every request waiting in the queue into one transaction
/// (group commit), so the fsync cost is shared and the sampling counters stay exact.
/// </summary>
internal sealed class IngestWriter(
    IngestQueue queue, IngestCommitter committer, IngestHealth health, QualityWatchMetrics metrics, IOptions<IngestOptions> options, LogThrottle throttle, ILogger<IngestWriter> logger)
    : BackgroundService
{
    private readonly List<IngestWork> group = [];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (await queue.Reader.WaitToReadAsync(stoppingToken))
            {
                CommitAvailable();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: Kestrel has stopped taking requests, but requests already queued
            // are waiting for their 200. Close the queue and commit everything in it.
            queue.Close();
            while (queue.Reader.TryPeek(out _))
            {
                CommitAvailable();
            }
        }
    }

    private void CommitAvailable()
    {
        var limit = options.Value.MaxInteractionsPerCommit;
        var count = 0;
        while (count < limit && queue.TryDequeue(out var work))
        {
            group.Add(work);
            count += work.Interactions.Count;
        }

        if (group.Count == 0)
        {
            return;
        }

        try
        {
            var started = Stopwatch.GetTimestamp();
            var outcomes = committer.Commit(group);
            metrics.RecordCommit(Stopwatch.GetElapsedTime(started), group.Count, count);
            health.Committed();
            for (var i = 0; i < group.Count; i++)
            {
                group[i].Complete(outcomes[i]);
            }
        }
        catch (Exception ex)
        {
            // Never let the loop die: these requests get a 503 and may retry; later ones still run.
            if (throttle.ShouldLog(LogThrottle.KeyOf("ingest-commit", ex), (n, period) => Log.CommitFailedRepeated(logger, n, period)))
            {
                Log.CommitFailed(logger, group.Count, count, ex);
            }

            health.Failed(ex, Math.Min(options.Value.MaxBodyBytes, group.Sum(w => w.Interactions.Sum(ApproximateBytes))));
            foreach (var work in group)
            {
                work.Fail(ex);
            }
        }
        finally
        {
            group.Clear();
            committer.ExpireSeen();
        }
    }

    private static long ApproximateBytes(Interaction i) =>
        i.Id.Length + i.Prompt.Length + i.Response.Length + (i.Context?.Length ?? 0);
}
