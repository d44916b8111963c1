namespace QualityWatch.Incidents;

/// <summary>
/// What an incident is about: <c>quality</c> (the chatbot's answers: hallucination rate, CUSUM/SPRT, score means) or
/// <c>operational</c> (QualityWatch's own pipeline: judge backlog, judge failures, ingest stalled, the judge-drift canary). The two never merge.
/// </summary>
internal static class IncidentKinds
{
    public const string Quality = "quality";
    public const string Operational = "operational";
}
