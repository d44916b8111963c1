using Dapper;
using Microsoft.Data.Sqlite;

namespace QualityWatch.Sampling;

/// <summary>
/// The prompt_version and model values each stream has seen, cached by the single ingest writer and
/// saved in the same transaction as the interactions that touched them, so a restart neither
/// re-boosts a known version nor forgets a boost in progress.
/// </summary>
public sealed class VersionTracker(ILogger<VersionTracker> logger)
{
    private readonly Dictionary<string, Dictionary<(string Dimension, string Value), VersionState>> streams = new(StringComparer.Ordinal);
    private readonly HashSet<VersionState> dirty = [];

    /// <summary>
    /// Marks the interaction's versions seen and returns them; a value new to the stream (or silent for
    /// <see cref="BoostOptions.SilentAfter"/>) starts a boost unless this is the stream's first interaction,
    /// whose versions are the baseline rather than a change.
    /// </summary>
    public IReadOnlyList<VersionState> Observe(
        SqliteConnection connection, SqliteTransaction transaction, StreamDefinition stream, bool firstInteraction,
        string? promptVersion, string? model, long nowMs)
    {
        var known = Load(connection, transaction, stream.Name);
        var seen = new List<VersionState>(2);
        foreach (var (dimension, value) in new[] { (VersionDimensions.PromptVersion, promptVersion), (VersionDimensions.Model, model) })
        {
            if (string.IsNullOrEmpty(value))
            {
                continue;
            }

            if (!known.TryGetValue((dimension, value), out var state))
            {
                state = new VersionState { Stream = stream.Name, Dimension = dimension, Value = value, FirstSeen = nowMs, LastSeen = nowMs };
                known[(dimension, value)] = state;
                StartBoostUnless(firstInteraction, stream, state, nowMs);
            }
            else if (nowMs - state.LastSeen >= (long)stream.Boost.SilentAfter.TotalMilliseconds)
            {
                StartBoostUnless(firstInteraction, stream, state, nowMs);
            }

            state.LastSeen = Math.Max(state.LastSeen, nowMs);
            dirty.Add(state);
            seen.Add(state);
        }

        return seen;
    }

    public void Save(SqliteConnection connection, SqliteTransaction transaction)
    {
        const string sql =
            """
            INSERT INTO sampling_versions (stream, dimension, value, first_seen, last_seen, boost_until, boost_counter, boost_sampled)
            VALUES (@Stream, @Dimension, @Value, @FirstSeen, @LastSeen, @BoostUntil, @BoostCounter, @BoostSampled)
            ON CONFLICT (stream, dimension, value) DO UPDATE SET last_seen = excluded.last_seen, boost_until = excluded.boost_until,
                boost_counter = excluded.boost_counter, boost_sampled = excluded.boost_sampled;
            """;
        foreach (var state in dirty)
        {
            connection.Execute(sql, state, transaction);
        }

        dirty.Clear();
    }

    /// <summary>After a rolled-back transaction the cache is ahead of the database: drop it and reload.</summary>
    public void Discard()
    {
        streams.Clear();
        dirty.Clear();
    }

    private void StartBoostUnless(bool firstInteraction, StreamDefinition stream, VersionState state, long nowMs)
    {
        if (firstInteraction || !stream.Boost.Enabled)
        {
            return;
        }

        state.BoostUntil = nowMs + (long)stream.Boost.Duration.TotalMilliseconds;
        state.BoostCounter = 0;
        state.BoostSampled = 0;
        Log.BoostStarted(logger, stream.Name, state.Dimension, state.Value, stream.Boost.EveryN, stream.Boost.Duration);
    }

    private Dictionary<(string, string), VersionState> Load(SqliteConnection connection, SqliteTransaction transaction, string stream)
    {
        if (!streams.TryGetValue(stream, out var known))
        {
            const string sql =
                """
                SELECT stream AS Stream, dimension AS Dimension, value AS Value, first_seen AS FirstSeen, last_seen AS LastSeen,
                       boost_until AS BoostUntil, boost_counter AS BoostCounter, boost_sampled AS BoostSampled
                FROM sampling_versions WHERE stream = @stream;
                """;
            known = connection.Query<VersionState>(sql, new { stream }, transaction).ToDictionary(v => (v.Dimension, v.Value));
            streams[stream] = known;
        }

        return known;
    }
}
