namespace QualityWatch.Storage;

/// <summary>Storage log events: ids 1000–1099; closing at shutdown 8040–8049.</summary>
internal static partial class Log
{
    [LoggerMessage(1000, LogLevel.Information, "Applied schema migration {Version} ({Name})")]
    public static partial void MigrationApplied(ILogger logger, int version, string name);

    [LoggerMessage(1001, LogLevel.Information, "Database {DatabasePath} ready at schema version {Version}")]
    public static partial void SchemaReady(ILogger logger, string databasePath, int version);

    [LoggerMessage(8040, LogLevel.Information, "Database {DatabasePath} closed: WAL checkpointed ({Pages} pages) and truncated")]
    public static partial void DatabaseClosed(ILogger logger, string databasePath, long pages);

    [LoggerMessage(8041, LogLevel.Warning, "Database {DatabasePath}: the final WAL checkpoint could not complete (a connection was still busy); SQLite replays the WAL at the next start")]
    public static partial void CheckpointBusy(ILogger logger, string databasePath);

    [LoggerMessage(8042, LogLevel.Error, "Database {DatabasePath}: closing it cleanly failed; SQLite replays the WAL at the next start")]
    public static partial void CloseFailed(ILogger logger, string databasePath, Exception exception);
}
