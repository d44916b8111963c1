namespace QualityWatch.Alerting;

/// <summary>Verdicts judged in an alert window for one stream, and how many found a hallucination (Dapper row).</summary>
internal sealed class WindowRow
{
    public string Stream { get; set; } = "";
    public long Verdicts { get; set; }
    public long Hallucinations { get; set; }
}
