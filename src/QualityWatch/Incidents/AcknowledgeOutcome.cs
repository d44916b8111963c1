namespace QualityWatch.Incidents;

/// <summary>What became of an acknowledgement: done, no such incident, or the incident was not open (already acknowledged, or resolved).</summary>
internal enum AcknowledgeOutcome
{
    Acknowledged,
    NotFound,
    NotOpen,
}
