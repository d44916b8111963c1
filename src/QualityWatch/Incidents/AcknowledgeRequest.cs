namespace QualityWatch.Incidents;

/// <summary>The optional body of <c>POST /v1/incidents/{id}/ack</c>.</summary>
internal sealed record AcknowledgeRequest(string? Note);
