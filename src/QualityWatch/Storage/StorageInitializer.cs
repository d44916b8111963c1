using Dapper;
using Microsoft.Data.Sqlite;

namespace QualityWatch.Storage;

/// <summary>
/// Migrates the database while the host starts: hosted services start before Kestrel
/// listens, so no request ever sees an unmigrated schema. Closes it last: its stopped hook
/// runs after every other service has stopped writing (hooks run in reverse registration order).
/// </summary>
internal sealed class StorageInitializer(SchemaMigrator migrator, SqliteConnectionFactory connections, ILogger<StorageInitializer> logger)
    : IHostedLifecycleService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await migrator.MigrateAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or SqliteException)
        {
            // An unusable folder or file needs an operator; as a StorageException it exits 3, which systemd does not restart.
            throw new StorageException(
                $"The database '{connections.DatabasePath}' cannot be created or opened: {ex.Message} " +
                "Make its folder writable by the service, or point Storage:DatabasePath elsewhere.",
                ex);
        }
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// Leaves one self-contained file: fresh planner statistics, the WAL folded into the database
    /// and truncated, every pooled connection closed (the last close removes the -wal and -shm files).
    /// </summary>
    public async Task StoppedAsync(CancellationToken cancellationToken)
    {
        var path = connections.DatabasePath;
        try
        {
            // A removed file must not be re-created empty by the close.
            if (File.Exists(path))
            {
                await using var connection = await connections.OpenAsync(cancellationToken);
                await connection.ExecuteAsync("PRAGMA optimize;");
                var (busy, _, checkpointed) = await connection.QuerySingleAsync<(long Busy, long Log, long Checkpointed)>("PRAGMA wal_checkpoint(TRUNCATE);");
                if (busy != 0)
                {
                    Log.CheckpointBusy(logger, path);
                }
                else
                {
                    Log.DatabaseClosed(logger, path, checkpointed);
                }
            }
        }
        catch (Exception ex) when (ex is SqliteException or OperationCanceledException or IOException)
        {
            Log.CloseFailed(logger, path, ex);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
        }
    }
}
