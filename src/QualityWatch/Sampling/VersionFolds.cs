using System.Collections.Concurrent;

namespace QualityWatch.Sampling;

/// <summary>
/// Interactions counted under <see cref="VersionTracker.Other"/>, per stream × dimension: the committed
/// totals the metric reads, and a warning at most once per <see cref="WarnEvery"/> per stream × dimension
/// that says how many were folded since the last one. One warning per interaction would flood the log
/// exactly when a sender misbehaves.
/// </summary>
internal sealed class VersionFolds(ILogger logger)
{
    public static readonly TimeSpan WarnEvery = TimeSpan.FromMinutes(10);

    private readonly ConcurrentDictionary<(string Stream, string Dimension), long> totals = new();
    private readonly Dictionary<(string Stream, string Dimension), long> pending = [];
    private readonly Dictionary<(string Stream, string Dimension), (long WarnedAt, long Since)> warnings = [];

    public void Add(string stream, string dimension, int cap, long nowMs)
    {
        var key = (stream, dimension);
        pending[key] = pending.GetValueOrDefault(key) + 1;

        var (warnedAt, since) = warnings.TryGetValue(key, out var last) ? last : (long.MinValue, 0);
        since++;
        if (warnedAt == long.MinValue || nowMs - warnedAt >= (long)WarnEvery.TotalMilliseconds)
        {
            // Never the value itself: it is the sender's free text (redacted, but still theirs).
            Log.VersionsFolded(logger, stream, cap, dimension, since, VersionTracker.Other, WarnEvery);
            (warnedAt, since) = (nowMs, 0);
        }

        warnings[key] = (warnedAt, since);
    }

    /// <summary>Folds of the committed transaction become visible to the metric.</summary>
    public void Commit()
    {
        foreach (var (key, count) in pending)
        {
            totals.AddOrUpdate(key, count, (_, total) => total + count);
        }

        pending.Clear();
    }

    public void Discard() => pending.Clear();

    /// <summary>Read from the metrics thread.</summary>
    public long Total(string stream, string dimension) => totals.GetValueOrDefault((stream, dimension));
}
