namespace QualityWatch.Incidents;

/// <summary>An incident as <c>GET /v1/incidents</c> and <c>GET /v1/incidents/{id}</c> show it.</summary>
internal sealed record IncidentView(
    string Id,
    string Stream,
    string Subject,
    string Kind,
    string State,
    DateTimeOffset OpenedAt,
    DateTimeOffset? ResolvedAt,
    DateTimeOffset? AcknowledgedAt,
    string? AcknowledgedBy,
    string? AcknowledgedNote,
    bool Silenced,
    IReadOnlyDictionary<string, string> Labels,
    IReadOnlyList<IncidentSignalView> Signals,
    IReadOnlyList<IncidentNotificationView> Notifications);
