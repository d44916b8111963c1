namespace QualityWatch.Alerting;

/// <summary>Samples of a stream that ended failed and done in a window (Dapper row).</summary>
internal sealed class StreamOutcomes
{
    public string Stream { get; set; } = "";
    public long Failed { get; set; }
    public long Done { get; set; }
}
