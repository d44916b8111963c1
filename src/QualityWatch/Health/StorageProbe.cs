using Dapper;
using Microsoft.Data.Sqlite;
using QualityWatch.Storage;

namespace QualityWatch.Health;

/// <summary>
/// A real write: a row of <c>bytes</c> zeros committed (so the WAL must take it and fsync it, as an
/// ingest commit does), then deleted in a second commit. A read-only or vanished file, a held write
/// lock (after <c>Storage:BusyTimeout</c>), a full disk or a full database fail it as they fail ingest.
/// </summary>
internal sealed class StorageProbe(SqliteConnectionFactory connections, TimeProvider time)
{
    /// <summary>Null when the write committed; else why it did not.</summary>
    public async Task<string?> WriteAsync(long bytes, CancellationToken cancellationToken)
    {
        // Opening would create an empty file in its place, and a pooled connection would write to the deleted one.
        if (!File.Exists(connections.DatabasePath))
        {
            return $"the database file {connections.DatabasePath} is missing";
        }

        try
        {
            await using var connection = await connections.OpenWriteAsync(cancellationToken);
            await using (var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken))
            {
                await connection.ExecuteAsync(
                    "INSERT OR REPLACE INTO health_probe (id, written_at, padding) VALUES (1, @now, zeroblob(@bytes));",
                    new { now = time.GetUtcNow().ToUnixTimeMilliseconds(), bytes },
                    transaction);
                await transaction.CommitAsync(cancellationToken);
            }

            if (bytes > 0)
            {
                // Gives the space back to the file's free list, where the next ingest commit finds it.
                await connection.ExecuteAsync("UPDATE health_probe SET padding = zeroblob(0) WHERE id = 1;");
            }

            return null;
        }
        catch (SqliteException ex)
        {
            return ex.Message;
        }
    }
}
