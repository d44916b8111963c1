namespace QualityWatch.Incidents;

/// <summary>The optional body of <c>POST /v1/incidents/{id}/ack</c>.</summary>
public sealed record AcknowledgeRequest(string? Note);
