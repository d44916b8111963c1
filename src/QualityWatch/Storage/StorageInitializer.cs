namespace QualityWatch.Storage;

/// <summary>
/// Migrates the database while the host starts: hosted services start before Kestrel
/// listens, so no request ever sees an unmigrated schema.
/// </summary>
internal sealed class StorageInitializer(SchemaMigrator migrator) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => migrator.MigrateAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken)
    {
        // Pooled connections keep the WAL open; clearing them checkpoints and closes the file cleanly.
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        return Task.CompletedTask;
    }
}
