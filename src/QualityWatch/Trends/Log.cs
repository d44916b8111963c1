namespace QualityWatch.Trends;

/// <summary>Trends log events: ids 6000–6049; the shutdown rollup 8050–8059.</summary>
internal static partial class Log
{
    [LoggerMessage(6000, LogLevel.Debug, "Rolled up {Hours} hourly and {Days} daily buckets")]
    public static partial void RolledUp(ILogger logger, int hours, int days);

    [LoggerMessage(6001, LogLevel.Information, "Trends:TimeZone changed from {Previous} to {Current}; recomputing every daily rollup")]
    public static partial void TimeZoneChanged(ILogger logger, string previous, string current);

    [LoggerMessage(6004, LogLevel.Information, "Judge:Rubric changed from {Previous} to {Current}; recomputing every rollup with {Current}'s verdicts")]
    public static partial void RubricChanged(ILogger logger, string previous, string current);

    [LoggerMessage(6002, LogLevel.Error, "Trend rollup failed; the changed buckets stay marked for the next run")]
    public static partial void RollupFailed(ILogger logger, Exception exception);

    [LoggerMessage(6003, LogLevel.Error, "Trend rollup failure repeated {Count} times in the last {Period} (only the first is logged in full)")]
    public static partial void RollupFailedRepeated(ILogger logger, int count, TimeSpan period);

    [LoggerMessage(8050, LogLevel.Information, "Final rollup at shutdown: {Hours} hourly and {Days} daily buckets")]
    public static partial void ShutdownRollup(ILogger logger, int hours, int days);

    [LoggerMessage(8051, LogLevel.Warning, "Final rollup at shutdown did not finish; the hours it missed stay marked and the next start rolls them up")]
    public static partial void ShutdownRollupFailed(ILogger logger, Exception exception);

    [LoggerMessage(8052, LogLevel.Warning, "The version first-seen gauge could not read sampling_versions; the scrape shows the last values")]
    public static partial void FirstSeenUnreadable(ILogger logger, Exception exception);
}
