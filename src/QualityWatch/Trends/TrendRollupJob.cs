using Quartz;
using QualityWatch.Telemetry;

namespace QualityWatch.Trends;

/// <summary>Runs the rollup every <c>Trends:RollupInterval</c>; a failure is logged and the next run retries.</summary>
[DisallowConcurrentExecution]
internal sealed class TrendRollupJob(TrendRollup rollup, LogThrottle throttle, ILogger<TrendRollupJob> logger) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        try
        {
            await rollup.RunAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            if (throttle.ShouldLog(LogThrottle.KeyOf("trend-rollup", ex), (n, period) => Log.RollupFailedRepeated(logger, n, period)))
            {
                Log.RollupFailed(logger, ex);
            }
        }
    }
}
