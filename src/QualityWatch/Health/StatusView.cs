namespace QualityWatch.Health;

/// <summary>The JSON body of <c>GET /v1/status</c>.</summary>
internal sealed record StatusView(DateTimeOffset CheckedAt, IReadOnlyDictionary<string, ComponentView> Components);
