namespace QualityWatch.Judging.Gemini.Wire;

/// <summary>What create and patch return of a CachedContent: its name (<c>cachedContents/…</c>) and RFC 3339 expiry.</summary>
internal sealed record CachedContentReply(string? Name, string? ExpireTime);
