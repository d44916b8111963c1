using Microsoft.Extensions.Options;

namespace QualityWatch.Health;

/// <summary>
/// Runs the status checks every <c>Health:StatusInterval</c>, so <c>qualitywatch_component_up</c> is fresh
/// without anyone calling <c>/v1/status</c>, and ingest recovers by itself once writes succeed again
/// (its check probes with the size of the failed commit) even while no load balancer sends traffic.
/// </summary>
internal sealed class StatusMonitor(
    SystemStatus status, IOptions<HealthOptions> options, IHostApplicationLifetime lifetime, ILogger<StatusMonitor> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // The checks write to the database: not before start-up has migrated it.
        if (!await WaitStartedAsync(stoppingToken))
        {
            return;
        }

        // Wall-clock cadence on purpose, not the injected clock: scrapes and load balancers come in real time,
        // and the demo's accelerated clock would turn 15 s into a probe write every 20 ms.
        using var timer = new PeriodicTimer(options.Value.StatusInterval, TimeProvider.System);
        do
        {
            try
            {
                await status.CheckAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A check that throws is reported as down by the health service; this is a bug in the loop itself.
                Log.StatusRoundFailed(logger, ex);
            }
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    private async Task<bool> WaitStartedAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var onStarted = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        using var onStopping = stoppingToken.Register(() => started.TrySetCanceled(stoppingToken));
        try
        {
            await started.Task;
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
