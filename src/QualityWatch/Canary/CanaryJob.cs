using Microsoft.Extensions.Options;
using Quartz;

namespace QualityWatch.Canary;

/// <summary>
/// Runs the canary on <c>Canary:Schedule</c>; the run itself is <see cref="CanaryRunner"/>. Quartz waits for running jobs
/// at shutdown and does not cancel them, and a run is hundreds of judge calls (minutes in Flex); a run stopped midway
/// loses nothing, since the next one judges only the items this day still lacks, so the job stops with the host.
/// </summary>
[DisallowConcurrentExecution]
internal sealed class CanaryJob(CanaryRunner runner, IOptionsMonitor<CanaryOptions> options, IHostApplicationLifetime lifetime, ILogger<CanaryJob> logger) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        if (!options.CurrentValue.Enabled)
        {
            return;
        }

        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, lifetime.ApplicationStopping);
        try
        {
            await runner.RunAsync(stopping.Token);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Stopped with the host: not a failure (Quartz would log it as a job that threw), and the next run resumes.
        }
        catch (Exception ex)
        {
            Log.RunFailed(logger, ex);
        }
    }
}
