using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using QualityWatch.Storage;

namespace QualityWatch.Health;

/// <summary>
/// The database file is where it was opened, carries every migration this build knows, and takes a
/// real write: a committed row (<see cref="StorageProbe"/>), fsynced like an ingest commit.
/// </summary>
internal sealed class DatabaseHealthCheck(SqliteConnectionFactory connections, StorageProbe probe) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var path = connections.DatabasePath;

        // Pooled connections keep the deleted file's inode open and would go on "committing" to it.
        if (!File.Exists(path))
        {
            return HealthCheckResult.Unhealthy(
                $"The database file {path} is missing: it or its folder was removed or moved while QualityWatch runs; commits no longer reach a file on disk.");
        }

        var latest = SchemaMigrator.Known[^1].Version;
        try
        {
            await using var connection = await connections.OpenAsync(cancellationToken);
            var version = await connection.ExecuteScalarAsync<long?>("SELECT MAX(version) FROM schema_version;") ?? 0;
            if (version != latest)
            {
                return HealthCheckResult.Unhealthy($"The database {path} is at schema version {version}; this build needs {latest}.");
            }
        }
        catch (SqliteException ex)
        {
            return HealthCheckResult.Unhealthy($"The database {path} cannot be read: {ex.Message}", ex);
        }

        // Waits up to Storage:BusyTimeout for the write lock, like the ingest writer.
        if (await probe.WriteAsync(0, cancellationToken) is { } failure)
        {
            return HealthCheckResult.Unhealthy($"The database {path} does not take writes: {failure}");
        }

        return HealthCheckResult.Healthy($"{path} is writable at schema version {latest}.");
    }
}
