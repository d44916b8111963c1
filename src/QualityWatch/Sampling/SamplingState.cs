using System.Collections.Concurrent;
using Dapper;
using Microsoft.Data.Sqlite;

namespace QualityWatch.Sampling;

/// <summary>
/// The per-stream counters, cached in memory by the single ingest writer and saved in the
/// same transaction as the interactions they counted, so a restart resumes the exact count.
/// </summary>
internal sealed class SamplingState(VersionTracker versions)
{
    private readonly ConcurrentDictionary<string, StreamCounter> counters = new(StringComparer.Ordinal);
    private readonly HashSet<string> dirty = new(StringComparer.Ordinal);

    public StreamCounter Get(SqliteConnection connection, SqliteTransaction transaction, StreamDefinition definition)
    {
        var stream = definition.Name;
        if (!counters.TryGetValue(stream, out var counter))
        {
            const string sql =
                """
                SELECT counter AS Counter, sampled AS Sampled, budget_day AS Day, budget_spent AS Spent, budget_seen_today AS SeenToday,
                       budget_seen_yesterday AS SeenYesterday, budget_credit AS Credit
                FROM sampling_state WHERE stream = @stream;
                """;
            var row = connection.QuerySingleOrDefault<StateRow>(sql, new { stream }, transaction);
            counter = new StreamCounter(definition, row?.Counter ?? 0, row?.Sampled ?? 0)
            {
                Pace = new BudgetPace { Day = row?.Day ?? 0, Spent = row?.Spent ?? 0, SeenToday = row?.SeenToday ?? 0, SeenYesterday = row?.SeenYesterday ?? 0, Credit = row?.Credit ?? 0 },
            };
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
            INSERT INTO sampling_state (stream, counter, sampled, updated_at, budget_day, budget_spent, budget_seen_today, budget_seen_yesterday, budget_credit)
            VALUES (@Stream, @Counter, @Sampled, @nowMs, @Day, @Spent, @SeenToday, @SeenYesterday, @Credit)
            ON CONFLICT (stream) DO UPDATE SET counter = excluded.counter, sampled = excluded.sampled, updated_at = excluded.updated_at,
                budget_day = excluded.budget_day, budget_spent = excluded.budget_spent, budget_seen_today = excluded.budget_seen_today,
                budget_seen_yesterday = excluded.budget_seen_yesterday, budget_credit = excluded.budget_credit;
            """;
        foreach (var stream in dirty)
        {
            var counter = counters[stream];
            var pace = counter.Pace;
            connection.Execute(sql, new { counter.Stream, counter.Counter, counter.Sampled, nowMs, pace.Day, pace.Spent, pace.SeenToday, pace.SeenYesterday, pace.Credit }, transaction);
        }

        dirty.Clear();
        versions.Save(connection, transaction);
    }

    /// <summary>The counters loaded since start, for the pacing gauges (read from the metrics thread).</summary>
    public IEnumerable<StreamCounter> Loaded => counters.Values;

    /// <summary>After a rolled-back transaction the cache is ahead of the database: drop it and reload.</summary>
    public void Discard()
    {
        counters.Clear();
        dirty.Clear();
        versions.Discard();
    }

    private sealed record StateRow(long Counter, long Sampled, long Day, double Spent, long SeenToday, long SeenYesterday, double Credit);
}
