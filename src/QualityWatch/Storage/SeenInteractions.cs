using Microsoft.Data.Sqlite;

namespace QualityWatch.Storage;

/// <summary>
/// The dedup record of every interaction id within the window. The hottest statement in the
/// service runs once per interaction, so it is a prepared command rather than a Dapper call.
/// </summary>
public sealed class SeenInteractions : IDisposable
{
    // Inserts a new id, or re-arms one last seen before the cutoff; touches nothing for a
    // duplicate inside the window, so "rows changed" is 1 for new and 0 for duplicate.
    private const string MarkSql =
        """
        INSERT INTO seen_interactions (interaction_id, seen_at) VALUES ($id, $now)
        ON CONFLICT (interaction_id) DO UPDATE SET seen_at = excluded.seen_at
        WHERE seen_interactions.seen_at < $cutoff;
        """;

    private readonly SqliteCommand command;
    private readonly SqliteParameter id;
    private readonly SqliteParameter now;
    private readonly SqliteParameter cutoff;

    public SeenInteractions(SqliteConnection connection, SqliteTransaction transaction, long nowMs, long cutoffMs)
    {
        command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = MarkSql;
        id = command.Parameters.Add("$id", SqliteType.Text);
        now = command.Parameters.Add("$now", SqliteType.Integer);
        cutoff = command.Parameters.Add("$cutoff", SqliteType.Integer);
        now.Value = nowMs;
        cutoff.Value = cutoffMs;
        command.Prepare();
    }

    /// <summary>True when the id is new within the window (and is now recorded), false for a duplicate.</summary>
    public bool MarkNew(string interactionId)
    {
        id.Value = interactionId;
        return command.ExecuteNonQuery() == 1;
    }

    /// <summary>Deletes up to <paramref name="limit"/> ids last seen before the cutoff.</summary>
    public static int Prune(SqliteConnection connection, long cutoffMs, int limit)
    {
        const string sql =
            """
            DELETE FROM seen_interactions WHERE interaction_id IN
                (SELECT interaction_id FROM seen_interactions WHERE seen_at < $cutoff LIMIT $limit);
            """;
        using var prune = connection.CreateCommand();
        prune.CommandText = sql;
        prune.Parameters.AddWithValue("$cutoff", cutoffMs);
        prune.Parameters.AddWithValue("$limit", limit);
        return prune.ExecuteNonQuery();
    }

    public void Dispose() => command.Dispose();
}
