namespace QualityWatch.Alerting;

/// <summary>A per-stream pair of numbers from an operational query (Dapper row).</summary>
internal sealed class StreamCount
{
    public string Stream { get; set; } = "";
    public long First { get; set; }
    public long? Second { get; set; }
}
