namespace QualityWatch.Reports;

/// <summary>Report log events: ids 6050–6099.</summary>
internal static partial class Log
{
    [LoggerMessage(6050, LogLevel.Information, "Daily report for {Day} handed to the notification outbox ({Streams} streams)")]
    public static partial void ReportSent(ILogger logger, string day, int streams);

    [LoggerMessage(6051, LogLevel.Error, "Daily report run failed; the next run retries every unsent day")]
    public static partial void ReportFailed(ILogger logger, Exception exception);
}
