namespace QualityWatch.Simulator.Gemini.Wire;

/// <summary>The CachedContent resource as create/get/list/patch return it (metadata only; ttl is input-only).</summary>
internal sealed record CachedContentResource(
    string Name,
    string Model,
    string CreateTime,
    string UpdateTime,
    string ExpireTime,
    string? DisplayName,
    CacheUsageMetadata UsageMetadata);
