namespace QualityWatch.Demo;

/// <summary>One incident, from <c>GET /v1/incidents</c>: what it is about and the notifications of its thread.</summary>
internal sealed record DemoIncident(string Id, string Kind, string Stream, string Subject, string State, DateTimeOffset OpenedAt, DateTimeOffset? ResolvedAt, IReadOnlyList<DemoNotification> Notifications);
