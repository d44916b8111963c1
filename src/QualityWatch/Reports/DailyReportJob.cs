using Quartz;

namespace QualityWatch.Reports;

/// <summary>Runs the report sender at Reports:SendAt and once at start-up (to catch up days missed while down).</summary>
[DisallowConcurrentExecution]
internal sealed class DailyReportJob(DailyReportSender sender, ILogger<DailyReportJob> logger) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        try
        {
            await sender.RunAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.ReportFailed(logger, ex);
        }
    }
}
