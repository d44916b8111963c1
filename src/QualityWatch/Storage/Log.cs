namespace QualityWatch.Storage;

/// <summary>Storage log events: ids 1000–1099.</summary>
internal static partial class Log
{
    [LoggerMessage(1000, LogLevel.Information, "Applied schema migration {Version} ({Name})")]
    public static partial void MigrationApplied(ILogger logger, int version, string name);

    [LoggerMessage(1001, LogLevel.Information, "Database {DatabasePath} ready at schema version {Version}")]
    public static partial void SchemaReady(ILogger logger, string databasePath, int version);
}
