using Dapper;
using Microsoft.Data.Sqlite;

namespace QualityWatch.Sampling;

/// <summary>
/// The per-stream counters, cached in memory by the single ingest writer and saved in the
/// same transaction as the interactions they counted, so a restart resumes the exact count.
/// </summary>
public sealed class SamplingState(VersionTracker versions)
{
    private readonly Dictionary<string, StreamCounter> counters = new(StringComparer.Ordinal);
    private readonly HashSet<string> dirty = new(StringComparer.Ordinal);

    public StreamCounter Get(SqliteConnection connection, SqliteTransaction transaction, string stream)
    {
        if (!counters.TryGetValue(stream, out var counter))
        {
            const string sql = "SELECT counter, sampled FROM sampling_state WHERE stream = @stream;";
            var row = connection.QuerySingleOrDefault<(long Counter, long Sampled)?>(sql, new { stream }, transaction);
            counter = new StreamCounter(stream, row?.Counter ?? 0, row?.Sampled ?? 0);
            counters[stream] = counter;
        }

        dirty.Add(stream);
        return counter;
    }

    /// <summary>The prompt_version and model values each stream has seen, saved and discarded with the counters.</summary>
    public VersionTracker Versions => versions;

    public void Save(SqliteConnection connection, SqliteTransaction transaction, long nowMs)
    {
        const string sql =
            """
            INSERT INTO sampling_state (stream, counter, sampled, updated_at) VALUES (@Stream, @Counter, @Sampled, @nowMs)
            ON CONFLICT (stream) DO UPDATE SET counter = excluded.counter, sampled = excluded.sampled, updated_at = excluded.updated_at;
            """;
        foreach (var stream in dirty)
        {
            var counter = counters[stream];
            connection.Execute(sql, new { counter.Stream, counter.Counter, counter.Sampled, nowMs }, transaction);
        }

        dirty.Clear();
        versions.Save(connection, transaction);
    }

    /// <summary>After a rolled-back transaction the cache is ahead of the database: drop it and reload.</summary>
    public void Discard()
    {
        counters.Clear();
        dirty.Clear();
        versions.Discard();
    }
}
