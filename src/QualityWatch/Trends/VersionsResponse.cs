namespace QualityWatch.Trends;

/// <summary>The body of <c>GET /v1/versions</c>.</summary>
internal sealed record VersionsResponse(IReadOnlyList<VersionView> Versions);
