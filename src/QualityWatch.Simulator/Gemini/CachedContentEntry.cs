namespace QualityWatch.Simulator.Gemini;

/// <summary>One explicit cache. Only metadata is kept: the real API never gives cached content back either.</summary>
internal sealed record CachedContentEntry(
    string Name,
    string Model,
    string? DisplayName,
    int TotalTokenCount,
    DateTimeOffset CreateTime,
    DateTimeOffset UpdateTime,
    DateTimeOffset ExpireTime,
    long Sequence);
