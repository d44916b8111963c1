namespace QualityWatch.Trends;

/// <summary>
/// Folds the last minutes into the rollups when the service stops, so trends read at the next
/// start (or by another reader of the file) include every verdict and released lease. Runs in
/// the stopped phase: ingest has drained and the judge has released its leases by then.
/// </summary>
internal sealed class TrendShutdownRollup(TrendRollup rollup, ILogger<TrendShutdownRollup> logger) : IHostedLifecycleService
{
    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StoppedAsync(CancellationToken cancellationToken)
    {
        try
        {
            var result = await rollup.RunAsync(cancellationToken);
            Log.ShutdownRollup(logger, result.Hours, result.Days);
        }
        catch (Exception ex)
        {
            // Changed hours stay in trend_dirty until rolled up, so the next start's first run catches up.
            Log.ShutdownRollupFailed(logger, ex);
        }
    }
}
