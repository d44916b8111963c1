using Microsoft.Extensions.Options;
using QualityWatch.Judging;

namespace QualityWatch.Backfill.Batch;

/// <summary>
/// Collects batch jobs in the running service, whoever submitted them (usually a backfill command):
/// polls each running job when its backoff is due, and at once when the webhook rings
/// <see cref="BatchCollectorSignal"/>. Claims on the job rows keep it from collecting a job that a
/// concurrently running backfill is collecting.
/// </summary>
internal sealed class BatchCollector(
    BatchCollection collection,
    BatchJobs jobs,
    BatchCollectorSignal signal,
    IOptions<JudgeOptions> judge,
    IOptions<BatchOptions> options,
    TimeProvider time,
    ILogger<BatchCollector> logger) : BackgroundService
{
    // A floor so a job another poller holds, due but not ours to take, is not polled in a tight loop.
    private static readonly TimeSpan MinWait = TimeSpan.FromMilliseconds(100);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (judge.Value.Provider != JudgeProviders.Gemini)
        {
            return; // batch jobs exist only with the Gemini judge
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            var wait = options.Value.PollInterval;
            try
            {
                await collection.PollDueAsync(null, stoppingToken);
                var next = await jobs.NextPollAsync(collection.Owner, time.GetUtcNow(), stoppingToken);
                wait = next is { } at ? at - time.GetUtcNow() : options.Value.MaxPollInterval;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // Never let the loop die: job rows are durable, the next round retries.
                Log.BatchCollectorFailed(logger, ex.GetType().Name, ex.Message);
            }

            wait = wait < MinWait ? MinWait : wait > options.Value.MaxPollInterval ? options.Value.MaxPollInterval : wait;
            try
            {
                await signal.WaitAsync(wait, time, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return; // shutting down
            }
        }
    }
}
