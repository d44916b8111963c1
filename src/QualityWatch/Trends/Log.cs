namespace QualityWatch.Trends;

/// <summary>Trends log events: ids 6000–6049; the shutdown rollup 8050–8059.</summary>
internal static partial class Log
{
    [LoggerMessage(6000, LogLevel.Debug, "Rolled up {Hours} hourly and {Days} daily buckets up to watermark {Watermark}")]
    public static partial void RolledUp(ILogger logger, int hours, int days, long watermark);

    [LoggerMessage(6001, LogLevel.Information, "Trends:TimeZone changed from {Previous} to {Current}; recomputing every daily rollup")]
    public static partial void TimeZoneChanged(ILogger logger, string previous, string current);

    [LoggerMessage(6002, LogLevel.Error, "Trend rollup failed; the next run retries from the same watermark")]
    public static partial void RollupFailed(ILogger logger, Exception exception);

    [LoggerMessage(8050, LogLevel.Information, "Final rollup at shutdown: {Hours} hourly and {Days} daily buckets up to watermark {Watermark}")]
    public static partial void ShutdownRollup(ILogger logger, int hours, int days, long watermark);

    [LoggerMessage(8051, LogLevel.Warning, "Final rollup at shutdown did not finish; the next start rolls up from the same watermark")]
    public static partial void ShutdownRollupFailed(ILogger logger, Exception exception);
}
