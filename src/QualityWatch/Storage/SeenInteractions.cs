using Microsoft.Data.Sqlite;

namespace QualityWatch.Storage;

/// <summary>
/// The dedup record of every interaction id within the window, kept in <see cref="SeenBuckets"/>. The hottest
/// statements in the service run once per interaction, so they are <see cref="PreparedStatement"/>s with the id bound
/// by index, rather than commands or Dapper calls.
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

    private readonly PreparedStatement mark;
    private readonly PreparedStatement? older;

    public SeenInteractions(SqliteConnection connection, SqliteTransaction transaction, long nowMs, long cutoffMs, TimeSpan window)
    {
        var live = SeenBuckets.Live(connection, transaction, cutoffMs);
        var current = SeenBuckets.Current(connection, transaction, live, nowMs, window);
        mark = Prepare(connection, MarkSql(current.Quoted), nowMs, cutoffMs);

        // An id seen within the window may sit in an older bucket that is still live; one statement asks them all.
        var others = live.Where(b => b.TableName != current.TableName).ToList();
        if (others.Count > 0)
        {
            var exists = others.Select(b => $"EXISTS (SELECT 1 FROM {b.Quoted} WHERE interaction_id = $id AND seen_at >= $cutoff)");
            older = Prepare(connection, "SELECT " + string.Join(" OR ", exists) + ";", nowMs, cutoffMs);
        }
    }

    /// <summary>True when the id is new within the window (and is now recorded), false for a duplicate.</summary>
    public bool MarkNew(string interactionId)
    {
        if (older is not null)
        {
            older.Bind(1, interactionId);
            if (older.ExecuteInt64() != 0)
            {
                return false;
            }
        }

        mark.Bind(1, interactionId);
        return mark.Execute() == 1;
    }

    public void Dispose()
    {
        mark.Dispose();
        older?.Dispose();
    }

    /// <summary>Prepares <paramref name="sql"/> with its time parameters bound for the whole commit; <c>$id</c>, first in the SQL, is index 1.</summary>
    private static PreparedStatement Prepare(SqliteConnection connection, string sql, long nowMs, long cutoffMs)
    {
        var statement = new PreparedStatement(connection, sql);
        try
        {
            if (statement.IndexOf("$id") != 1)
            {
                throw new InvalidOperationException("$id must be the statement's first parameter.");
            }

            if (sql.Contains("$now", StringComparison.Ordinal))
            {
                statement.Bind(statement.IndexOf("$now"), nowMs);
            }

            statement.Bind(statement.IndexOf("$cutoff"), cutoffMs);
            return statement;
        }
        catch
        {
            statement.Dispose();
            throw;
        }
    }
}
