namespace QualityWatch.Telemetry;

/// <summary>Telemetry log events: ids 7000–7099. Counts and settings only; never label values from payloads.</summary>
internal static partial class Log
{
    [LoggerMessage(7000, LogLevel.Warning, "Metrics gauges could not read the database; scrapes report the last values until it is readable again")]
    public static partial void StateReadFailed(ILogger logger, Exception exception);

    [LoggerMessage(7001, LogLevel.Information, "Metrics gauges read the database again")]
    public static partial void StateReadRecovered(ILogger logger);

    [LoggerMessage(7002, LogLevel.Information, "Metrics served at {Path} on {Where}{Auth}")]
    public static partial void Serving(ILogger logger, string path, string where, string auth);

    [LoggerMessage(7003, LogLevel.Information, "Metrics are off (Metrics:Enabled is false)")]
    public static partial void Disabled(ILogger logger);
}
