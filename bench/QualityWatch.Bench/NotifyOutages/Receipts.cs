using System.Collections.Concurrent;

namespace QualityWatch.Bench.NotifyOutages;

/// <summary>What one peer received, by message id: how many distinct ids, and how many arrived more than once.</summary>
internal sealed class Receipts
{
    private readonly ConcurrentDictionary<string, int> counts = new(StringComparer.Ordinal);

    public void Record(string id) => counts.AddOrUpdate(id, 1, (_, n) => n + 1);

    public int Distinct => counts.Count;

    /// <summary>Receipts beyond the first of each id.</summary>
    public int Duplicates => counts.Values.Sum(n => n - 1);
}
