namespace QualityWatch.Simulator.Gemini;

/// <summary>
/// The explicit caches (<c>cachedContents/{id}</c>). Expiry follows the simulator's TimeProvider:
/// a cache past its expireTime is removed on the next look and is from then on not found.
/// </summary>
internal sealed class CacheStore(TimeProvider time)
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, CachedContentEntry> entries = new(StringComparer.Ordinal);
    private long sequence;

    public CachedContentEntry Add(string model, string? displayName, int totalTokenCount, DateTimeOffset expireTime)
    {
        var now = time.GetUtcNow();
        lock (gate)
        {
            var id = Convert.ToHexStringLower(Guid.NewGuid().ToByteArray())[..16];
            var entry = new CachedContentEntry($"cachedContents/{id}", model, displayName, totalTokenCount, now, now, expireTime, ++sequence);
            entries.Add(entry.Name, entry);
            return entry;
        }
    }

    public CachedContentEntry? Find(string name)
    {
        lock (gate)
        {
            return Live(name);
        }
    }

    public IReadOnlyList<CachedContentEntry> Live()
    {
        lock (gate)
        {
            return [.. entries.Keys.ToList().Select(Live).OfType<CachedContentEntry>().OrderBy(e => e.Sequence)];
        }
    }

    public CachedContentEntry? UpdateExpiry(string name, DateTimeOffset expireTime)
    {
        lock (gate)
        {
            if (Live(name) is not { } entry)
            {
                return null;
            }

            var updated = entry with { ExpireTime = expireTime, UpdateTime = time.GetUtcNow() };
            entries[name] = updated;
            return updated;
        }
    }

    public bool Remove(string name)
    {
        lock (gate)
        {
            return Live(name) is not null && entries.Remove(name);
        }
    }

    // Caller holds the lock.
    private CachedContentEntry? Live(string name)
    {
        if (!entries.TryGetValue(name, out var entry))
        {
            return null;
        }

        if (entry.ExpireTime <= time.GetUtcNow())
        {
            entries.Remove(name);
            return null;
        }

        return entry;
    }
}
