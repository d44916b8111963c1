namespace QualityWatch.Judging.Gemini.Wire;

/// <summary>The body of <c>PATCH cachedContents/{id}?updateMask=ttl</c>.</summary>
internal sealed record CachedContentTtl(string Ttl);
