namespace QualityWatch.Bench.Incidents;

/// <summary>One incident as stored: what it is about and when it opened and resolved (Unix ms).</summary>
internal sealed record IncidentOpened(string Id, string Kind, string Stream, string Dimension, string Value, long OpenedAt, long? ResolvedAt);
