using Microsoft.Extensions.Options;
using Quartz;

namespace QualityWatch.Canary;

/// <summary>Runs the canary on <c>Canary:Schedule</c>; the run itself is <see cref="CanaryRunner"/>.</summary>
[DisallowConcurrentExecution]
internal sealed class CanaryJob(CanaryRunner runner, IOptionsMonitor<CanaryOptions> options, ILogger<CanaryJob> logger) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        if (!options.CurrentValue.Enabled)
        {
            return;
        }

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
