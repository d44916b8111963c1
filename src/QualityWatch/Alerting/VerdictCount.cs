namespace QualityWatch.Alerting;

/// <summary>Verdicts of a stream in a time range, and how many were hallucinations (Dapper row).</summary>
internal sealed class VerdictCount
{
    public long Verdicts { get; set; }
    public long Hallucinations { get; set; }
}
