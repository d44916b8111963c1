namespace QualityWatch.Trends;

/// <summary>Trends log events: ids 6000–6049.</summary>
internal static partial class Log
{
    [LoggerMessage(6000, LogLevel.Debug, "Rolled up {Hours} hourly and {Days} daily buckets")]
    public static partial void RolledUp(ILogger logger, int hours, int days);

    [LoggerMessage(6001, LogLevel.Information, "Trends:TimeZone changed from {Previous} to {Current}; recomputing every daily rollup")]
    public static partial void TimeZoneChanged(ILogger logger, string previous, string current);

    [LoggerMessage(6002, LogLevel.Error, "Trend rollup failed; the changed buckets stay marked for the next run")]
    public static partial void RollupFailed(ILogger logger, Exception exception);
}
