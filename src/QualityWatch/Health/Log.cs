namespace QualityWatch.Health;

/// <summary>Health and status log events: ids 12000–12099.</summary>
internal static partial class Log
{
    [LoggerMessage(12000, LogLevel.Error, "A status round failed; the next runs after Health:StatusInterval")]
    public static partial void StatusRoundFailed(ILogger logger, Exception exception);

    [LoggerMessage(12001, LogLevel.Information, "Ingest is ready again: a {Bytes}-byte write committed after the commit failure at {FailedAt}")]
    public static partial void IngestRecovered(ILogger logger, long bytes, DateTimeOffset failedAt);
}
