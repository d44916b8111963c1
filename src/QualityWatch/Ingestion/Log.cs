namespace QualityWatch.Ingestion;

/// <summary>Ingest log events: ids 2000–2099, refusals at shutdown 8060–8069. Ids of interactions only, never their text.</summary>
internal static partial class Log
{
    [LoggerMessage(2000, LogLevel.Error, "Ingest commit of {Requests} requests ({Interactions} interactions) failed; they were answered 503")]
    public static partial void CommitFailed(ILogger logger, int requests, int interactions, Exception exception);

    [LoggerMessage(2005, LogLevel.Error, "Ingest commit failure repeated {Count} times in the last {Period}; those requests were answered 503 (only the first is logged in full)")]
    public static partial void CommitFailedRepeated(ILogger logger, int count, TimeSpan period);

    [LoggerMessage(2003, LogLevel.Warning, "Ingest queue full or closed; answered 503 to a request of {Interactions} interactions")]
    public static partial void QueueFull(ILogger logger, int interactions);

    [LoggerMessage(2006, LogLevel.Warning, "Ingest queue full or closed {Count} more times in the last {Period}; each request was answered 503")]
    public static partial void QueueFullRepeated(ILogger logger, int count, TimeSpan period);

    [LoggerMessage(2004, LogLevel.Debug, "Dropped {Buckets} dedup bucket(s) whose ids are all older than Ingest:DedupWindow")]
    public static partial void DedupExpired(ILogger logger, int buckets);

    [LoggerMessage(2020, LogLevel.Warning, "Dropping expired dedup buckets failed; retried after every ingest commit until it succeeds")]
    public static partial void DedupExpiryFailed(ILogger logger, Exception exception);

    [LoggerMessage(2021, LogLevel.Information, "Dropping expired dedup buckets succeeds again")]
    public static partial void DedupExpiryRecovered(ILogger logger);

    [LoggerMessage(8060, LogLevel.Information, "Refused an ingest request with 503: QualityWatch is shutting down")]
    public static partial void RefusedWhileStopping(ILogger logger);
}
