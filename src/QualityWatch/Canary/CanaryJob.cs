using Quartz;

namespace QualityWatch.Canary;

/// <summary>Runs the canary on <c>Canary:Schedule</c>; the run itself is <see cref="CanaryRunner"/>.</summary>
[DisallowConcurrentExecution]
internal sealed class CanaryJob(CanaryRunner runner, ILogger<CanaryJob> logger) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        try
        {
            await runner.RunAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.RunFailed(logger, ex);
        }
    }
}
