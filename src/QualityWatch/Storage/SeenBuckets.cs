using System.Globalization;
using Dapper;
using Microsoft.Data.Sqlite;

namespace QualityWatch.Storage;

/// <summary>
/// The dedup record as time buckets: a table per slice of the window, listed in <c>seen_buckets</c>, so
/// expiry drops whole tables (cost independent of the ingest rate) instead of deleting ids one by one.
/// The stored ids stay within (1 + 1/<see cref="Slices"/>) windows' worth: the live ones plus at most one
/// slice already out of the window and waiting to be dropped.
/// </summary>
internal static class SeenBuckets
{
    /// <summary>Slices per window: more bound the stored ids tighter, but each new id is looked up in every live one.</summary>
    public const int Slices = 4;

    /// <summary>The buckets that may hold an id seen at or after <paramref name="cutoffMs"/>, oldest first.</summary>
    public static List<SeenBucket> Live(SqliteConnection connection, SqliteTransaction transaction, long cutoffMs) =>
        [.. connection.Query<SeenBucket>(
            "SELECT table_name AS TableName, starts_at AS StartsAt, ends_at AS EndsAt FROM seen_buckets WHERE ends_at > @cutoffMs ORDER BY ends_at, starts_at;",
            new { cutoffMs }, transaction)];

    /// <summary>
    /// The bucket that takes ids seen at <paramref name="nowMs"/>: the newest live one while it lasts, else a new
    /// table for the slice of the window holding now (created in the caller's transaction, so a failed commit leaves none).
    /// </summary>
    public static SeenBucket Current(SqliteConnection connection, SqliteTransaction transaction, List<SeenBucket> live, long nowMs, TimeSpan window)
    {
        // A clock stepped back keeps writing to the newest bucket: its rows are still older than its end.
        if (live.Count > 0 && nowMs < live[^1].EndsAt)
        {
            return live[^1];
        }

        var slice = Math.Max(1, (long)window.TotalMilliseconds / Slices);
        var sliceStart = nowMs - (((nowMs % slice) + slice) % slice);
        var startsAt = live.Count > 0 ? Math.Max(sliceStart, live[^1].EndsAt) : sliceStart;
        var bucket = new SeenBucket(string.Create(CultureInfo.InvariantCulture, $"seen_{startsAt}"), startsAt, sliceStart + slice);
        connection.Execute(
            $"CREATE TABLE IF NOT EXISTS {bucket.Quoted} (interaction_id TEXT NOT NULL PRIMARY KEY, seen_at INTEGER NOT NULL) WITHOUT ROWID;",
            transaction: transaction);
        connection.Execute(
            "INSERT INTO seen_buckets (table_name, starts_at, ends_at) VALUES (@TableName, @StartsAt, @EndsAt);",
            bucket, transaction);
        live.Add(bucket);
        RebuildView(connection, transaction);
        return bucket;
    }

    /// <summary>
    /// Drops, in its own transaction, every bucket whose ids are all older than <paramref name="cutoffMs"/>;
    /// returns how many. A table drop costs the same however fast ids arrived.
    /// </summary>
    public static int Expire(SqliteConnection connection, long cutoffMs)
    {
        var expired = connection.Query<string>("SELECT table_name FROM seen_buckets WHERE ends_at <= @cutoffMs;", new { cutoffMs }).ToList();
        if (expired.Count == 0)
        {
            return 0;
        }

        using var transaction = connection.BeginTransaction();
        foreach (var name in expired)
        {
            connection.Execute("DELETE FROM seen_buckets WHERE table_name = @name;", new { name }, transaction);
            connection.Execute($"DROP TABLE IF EXISTS {Quote(name)};", transaction: transaction);
        }

        RebuildView(connection, transaction);
        transaction.Commit();
        return expired.Count;
    }

    /// <summary>A bucket's table name quoted for SQL; names come only from this class, never from input.</summary>
    public static string Quote(string tableName) => "\"" + tableName + "\"";

    /// <summary><c>seen_interactions</c>: every stored id across the buckets, as the single table used to show it.</summary>
    private static void RebuildView(SqliteConnection connection, SqliteTransaction transaction)
    {
        var tables = connection.Query<string>("SELECT table_name FROM seen_buckets ORDER BY starts_at;", transaction: transaction)
            .Select(name => $"SELECT interaction_id, seen_at FROM {Quote(name)}")
            .ToList();
        var body = tables.Count == 0 ? "SELECT '' AS interaction_id, 0 AS seen_at WHERE 0" : string.Join(" UNION ALL ", tables);
        connection.Execute($"DROP VIEW IF EXISTS seen_interactions; CREATE VIEW seen_interactions AS {body};", transaction: transaction);
    }
}
