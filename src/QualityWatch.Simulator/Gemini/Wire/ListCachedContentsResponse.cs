namespace QualityWatch.Simulator.Gemini.Wire;

/// <summary>A page of caches; both fields are omitted when empty, as proto3 JSON omits empty repeated fields.</summary>
internal sealed record ListCachedContentsResponse(IReadOnlyList<CachedContentResource>? CachedContents, string? NextPageToken);
