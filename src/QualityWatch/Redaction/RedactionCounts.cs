namespace QualityWatch.Redaction;

/// <summary>
/// How many items of each PII type were redacted. Mutable so that the prompt, response and
/// context of one interaction can be redacted into one object; not thread-safe, use one per caller.
/// </summary>
internal sealed class RedactionCounts
{
    private readonly Dictionary<string, int> counts = new(StringComparer.Ordinal);

    /// <summary>The count for <paramref name="type"/>; 0 when nothing of that type was redacted.</summary>
    public int this[string type] => counts.GetValueOrDefault(type);

    /// <summary>Sum over all types.</summary>
    public int Total => counts.Values.Sum();

    /// <summary>Adds one redaction of <paramref name="type"/>.</summary>
    public void Add(string type)
    {
        ArgumentException.ThrowIfNullOrEmpty(type);
        counts[type] = counts.GetValueOrDefault(type) + 1;
    }

    /// <summary>A live read-only view: type key → count; types never seen are absent.</summary>
    public IReadOnlyDictionary<string, int> AsDictionary() => counts.AsReadOnly();

    internal void AddFrom(RedactionCounts other)
    {
        foreach (var (type, count) in other.counts)
        {
            counts[type] = counts.GetValueOrDefault(type) + count;
        }
    }
}
