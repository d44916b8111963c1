namespace QualityWatch.Trends;

/// <summary>The body of <c>GET /v1/trends</c>: buckets starting in [from, to).</summary>
internal sealed record TrendsResponse(string Granularity, string TimeZone, DateTimeOffset From, DateTimeOffset To, IReadOnlyList<TrendPointView> Buckets);
