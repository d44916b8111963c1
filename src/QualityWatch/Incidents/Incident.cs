namespace QualityWatch.Incidents;

/// <summary>One regression (or pipeline problem) of one stream and subject, with its notification thread.</summary>
internal sealed record Incident(
    string Id,
    string Stream,
    IncidentSubject Subject,
    string State,
    DateTimeOffset OpenedAt,
    DateTimeOffset? ResolvedAt,
    DateTimeOffset? AcknowledgedAt,
    string? AcknowledgedBy,
    string? AcknowledgedNote,
    IReadOnlyDictionary<string, string> Labels,
    bool Paged,
    bool Held,
    DateTimeOffset? LastNotifiedAt,
    DateTimeOffset? LastSentAt)
{
    /// <summary>The notification key of every message of the incident: one thread, one Alertmanager alert.</summary>
    public string Key => $"incident/{Id}";
}
