namespace QualityWatch.Bench.Incidents;

/// <summary>One outbox row of an incident thread, joined to its incident.</summary>
internal sealed record ThreadRow(string IncidentId, string IncidentKind, string Kind, long CreatedAt);
