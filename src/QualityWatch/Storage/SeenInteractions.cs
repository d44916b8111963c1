using Microsoft.Data.Sqlite;

namespace QualityWatch.Storage;

/// <summary>
/// The dedup record of every interaction id within the window, kept in <see cref="SeenBuckets"/>. The hottest
/// statements in the service run once per interaction, so they are prepared commands rather than Dapper calls.
/// </summary>
internal sealed class SeenInteractions : IDisposable
{
    // Inserts a new id, or re-arms one last seen before the cutoff (possible only after a clock step back);
    // touches nothing for a duplicate inside the window, so "rows changed" is 1 for new and 0 for duplicate.
    private static string MarkSql(string table) =>
        $"""
        INSERT INTO {table} (interaction_id, seen_at) VALUES ($id, $now)
        ON CONFLICT (interaction_id) DO UPDATE SET seen_at = excluded.seen_at
        WHERE {table}.seen_at < $cutoff;
        """;

    private readonly SqliteCommand mark;
    private readonly SqliteCommand? older;

    public SeenInteractions(SqliteConnection connection, SqliteTransaction transaction, long nowMs, long cutoffMs, TimeSpan window)
    {
        var live = SeenBuckets.Live(connection, transaction, cutoffMs);
        var current = SeenBuckets.Current(connection, transaction, live, nowMs, window);
        mark = Prepare(connection, transaction, MarkSql(current.Quoted), nowMs, cutoffMs);

        // An id seen within the window may sit in an older bucket that is still live; one statement asks them all.
        var others = live.Where(b => b.TableName != current.TableName).ToList();
        if (others.Count > 0)
        {
            var exists = others.Select(b => $"EXISTS (SELECT 1 FROM {b.Quoted} WHERE interaction_id = $id AND seen_at >= $cutoff)");
            older = Prepare(connection, transaction, "SELECT " + string.Join(" OR ", exists) + ";", nowMs, cutoffMs);
        }
    }

    /// <summary>True when the id is new within the window (and is now recorded), false for a duplicate.</summary>
    public bool MarkNew(string interactionId)
    {
        if (older is not null)
        {
            older.Parameters[0].Value = interactionId;
            if ((long)older.ExecuteScalar()! != 0)
            {
                return false;
            }
        }

        mark.Parameters[0].Value = interactionId;
        return mark.ExecuteNonQuery() == 1;
    }

    public void Dispose()
    {
        mark.Dispose();
        older?.Dispose();
    }

    private static SqliteCommand Prepare(SqliteConnection connection, SqliteTransaction transaction, string sql, long nowMs, long cutoffMs)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.Parameters.Add("$id", SqliteType.Text);
        if (sql.Contains("$now", StringComparison.Ordinal))
        {
            command.Parameters.Add("$now", SqliteType.Integer).Value = nowMs;
        }

        command.Parameters.Add("$cutoff", SqliteType.Integer).Value = cutoffMs;
        command.Prepare();
        return command;
    }
}
