using Quartz;

namespace QualityWatch.Alerting;

/// <summary>The Quartz adapter (this Quartz build's IJob passes the token as a parameter): evaluates every rule once per trigger; never two at once.</summary>
[DisallowConcurrentExecution]
internal sealed class AlertEvaluationJob(AlertEvaluator evaluator, ILogger<AlertEvaluationJob> logger) : IJob
{
    public static readonly JobKey Key = new("alert-evaluation", "alerting");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        try
        {
            await evaluator.EvaluateAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The next trigger tries again; a failing evaluation must not unschedule the job.
            Log.EvaluationFailed(logger, exception);
        }
    }
}
