using QualityWatch.Telemetry;

namespace QualityWatch.Ingestion;

/// <summary>
/// The one way valid interactions reach the database, whichever route they came in by (JSON, OTLP):
/// queue them for the group-commit writer and wait until their transaction has committed.
/// </summary>
internal sealed class IngestSubmitter(IngestQueue queue, IHostApplicationLifetime lifetime, LogThrottle throttle, ILogger<IngestQueue> logger)
{
    public bool Stopping => lifetime.ApplicationStopping.IsCancellationRequested;

    public async Task<IngestSubmission> SubmitAsync(IReadOnlyList<Interaction> valid)
    {
        if (valid.Count == 0)
        {
            return new IngestSubmission(new IngestOutcome(0, 0, 0), IngestRefusal.None);
        }

        // Checked again after the body was read: SIGTERM may have come while a large body was uploading.
        if (Stopping)
        {
            Log.RefusedWhileStopping(logger);
            return new IngestSubmission(default, IngestRefusal.ShuttingDown);
        }

        var work = new IngestWork(valid);
        if (!queue.TryEnqueue(work))
        {
            // A backed-up writer refuses every request for a while: one line, then a count a minute.
            if (throttle.ShouldLog("ingest-queue-full", (n, period) => Log.QueueFullRepeated(logger, n, period)))
            {
                Log.QueueFull(logger, valid.Count);
            }

            return new IngestSubmission(default, IngestRefusal.Busy);
        }

        try
        {
            // Not the request's token: once queued, the commit goes ahead even if the caller leaves.
            return new IngestSubmission(await work.Committed, IngestRefusal.None);
        }
        catch (Exception)
        {
            return new IngestSubmission(default, IngestRefusal.StorageUnavailable);
        }
    }
}
