using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace QualityWatch.Sampling;

/// <summary>
/// The prompt_version and model values each stream has seen, cached by the single ingest writer and
/// saved in the same transaction as the interactions that touched them, so a restart neither
/// re-boosts a known version nor forgets a boost in progress. At most
/// <see cref="SamplingOptions.MaxVersionsPerStream"/> values per stream and dimension are tracked; later
/// ones are counted as <see cref="Other"/>, and values silent for <see cref="SamplingOptions.ForgetVersionsAfter"/>
/// are forgotten, so a sender minting a version per request costs bounded memory, rows and start-up.
/// </summary>
internal sealed class VersionTracker(IOptions<SamplingOptions> options, ILogger<VersionTracker> logger)
{
    /// <summary>What a value past the cap is stored and counted as.</summary>
    public const string Other = "_other";

    private const int ForgetBatch = 10_000;
    private static readonly TimeSpan ForgetEvery = TimeSpan.FromMinutes(1);
    private static readonly string[] Dimensions = [VersionDimensions.PromptVersion, VersionDimensions.Model];

    private readonly Dictionary<(string Stream, string Dimension), Dictionary<string, VersionState>> tracked = [];
    private readonly HashSet<VersionState> dirty = [];
    private readonly VersionFolds folds = new(logger);
    private readonly Dictionary<string, VersionState>?[] lastKnown = new Dictionary<string, VersionState>?[2];
    private string? lastStream;
    private long nextForgetMs;

    private int Cap => options.Value.MaxVersionsPerStream;

    /// <summary>
    /// The value to count and store the interaction under: <paramref name="value"/> itself, or <see cref="Other"/>
    /// when the stream already tracks <see cref="SamplingOptions.MaxVersionsPerStream"/> other values of the dimension.
    /// Tracks nothing; <see cref="Observe"/> does, for new interactions.
    /// </summary>
    public string? Fold(SqliteConnection connection, SqliteTransaction transaction, string stream, string dimension, string? value, long nowMs)
    {
        if (string.IsNullOrEmpty(value) || value == Other)
        {
            return value;
        }

        var known = Load(connection, transaction, stream, dimension, nowMs);
        if (known.ContainsKey(value) || known.Count < Cap)
        {
            return value;
        }

        folds.Add(stream, dimension, Cap, nowMs);
        return Other;
    }

    /// <summary>
    /// Marks the interaction's versions seen and returns them; a value new to the stream (or silent for
    /// <see cref="BoostOptions.SilentAfter"/>) starts a boost unless this is the stream's first interaction,
    /// whose versions are the baseline rather than a change. <see cref="Other"/> is never tracked, so it never boosts.
    /// </summary>
    public IReadOnlyList<VersionState> Observe(
        SqliteConnection connection, SqliteTransaction transaction, StreamDefinition stream, bool firstInteraction,
        string? promptVersion, string? model, long nowMs)
    {
        var seen = new List<VersionState>(2);
        // Indexed rather than a pair array: this runs for every new interaction, on the writer's thread.
        for (var d = 0; d < Dimensions.Length; d++)
        {
            var dimension = Dimensions[d];
            var value = d == 0 ? promptVersion : model;
            if (string.IsNullOrEmpty(value) || value == Other)
            {
                continue;
            }

            var known = Load(connection, transaction, stream.Name, dimension, nowMs);
            if (!known.TryGetValue(value, out var state))
            {
                // Only reached for a value Fold let through, which had room; a caller that did not fold gets no state.
                if (known.Count >= Cap)
                {
                    continue;
                }

                state = new VersionState { Stream = stream.Name, Dimension = dimension, Value = value, FirstSeen = nowMs, LastSeen = nowMs };
                known[value] = state;
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
        folds.Commit();
    }

    /// <summary>After a rolled-back transaction the cache is ahead of the database: drop it and reload.</summary>
    public void Discard()
    {
        tracked.Clear();
        lastStream = null;
        Array.Clear(lastKnown);
        dirty.Clear();
        folds.Discard();
        nextForgetMs = 0;
    }

    /// <summary>Interactions of the stream counted as <see cref="Other"/> since start, for the metric (any thread).</summary>
    public long Folded(string stream, string dimension) => folds.Total(stream, dimension);

    /// <summary>The dimensions a stream's versions are tracked in, for the metric's labels.</summary>
    public static IReadOnlyList<string> TrackedDimensions => Dimensions;

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

    /// <summary>
    /// The stream's tracked values of one dimension. Only the cap's worth of the most recently seen ones is read:
    /// a database holding more (written before the cap, or with a higher one) must not be loaded whole.
    /// </summary>
    private Dictionary<string, VersionState> Load(SqliteConnection connection, SqliteTransaction transaction, string stream, string dimension, long nowMs)
    {
        ForgetSilentIfDue(connection, transaction, nowMs);
        // Four loads per interaction (fold and observe, two dimensions), nearly always of the stream before: the same
        // StreamDefinition name and dimension constants, so the last stream's two dictionaries are kept by reference and
        // the tuple key (two string hashes) is computed only when the stream changes.
        var slot = ReferenceEquals(dimension, Dimensions[0]) ? 0 : ReferenceEquals(dimension, Dimensions[1]) ? 1 : -1;
        if (slot >= 0 && ReferenceEquals(stream, lastStream) && lastKnown[slot] is { } recent)
        {
            return recent;
        }

        if (!tracked.TryGetValue((stream, dimension), out var known))
        {
            const string sql =
                """
                SELECT stream AS Stream, dimension AS Dimension, value AS Value, first_seen AS FirstSeen, last_seen AS LastSeen,
                       boost_until AS BoostUntil, boost_counter AS BoostCounter, boost_sampled AS BoostSampled
                FROM sampling_versions WHERE stream = @stream AND dimension = @dimension AND last_seen >= @cutoff
                ORDER BY last_seen DESC LIMIT @cap;
                """;
            known = connection.Query<VersionState>(sql, new { stream, dimension, cutoff = Cutoff(nowMs), cap = Cap }, transaction)
                .ToDictionary(v => v.Value, StringComparer.Ordinal);
            tracked[(stream, dimension)] = known;
        }

        if (slot >= 0)
        {
            if (!ReferenceEquals(stream, lastStream))
            {
                lastStream = stream;
                Array.Clear(lastKnown);
            }

            lastKnown[slot] = known;
        }

        return known;
    }

    /// <summary>
    /// Forgets values silent past the cutoff, in memory and in the table, so their places go to new values.
    /// Runs at the start of a commit's version work, so the commit that brings a new value sees the room.
    /// </summary>
    private void ForgetSilentIfDue(SqliteConnection connection, SqliteTransaction transaction, long nowMs)
    {
        if (nowMs < nextForgetMs)
        {
            return;
        }

        nextForgetMs = nowMs + (long)ForgetEvery.TotalMilliseconds;
        var cutoff = Cutoff(nowMs);
        foreach (var known in tracked.Values)
        {
            foreach (var value in known.Where(v => v.Value.LastSeen < cutoff).Select(v => v.Key).ToList())
            {
                known.Remove(value);
            }
        }

        // Batched so a table grown before the cap existed is emptied over several commits, not in one long one.
        const string sql =
            """
            DELETE FROM sampling_versions WHERE (stream, dimension, value) IN (
                SELECT stream, dimension, value FROM sampling_versions WHERE last_seen < @cutoff LIMIT @batch);
            """;
        var forgotten = connection.Execute(sql, new { cutoff, batch = ForgetBatch }, transaction);
        if (forgotten > 0)
        {
            Log.VersionsForgotten(logger, forgotten, options.Value.ForgetVersionsAfter);
        }
    }

    private long Cutoff(long nowMs) => nowMs - (long)options.Value.ForgetVersionsAfter.TotalMilliseconds;
}
