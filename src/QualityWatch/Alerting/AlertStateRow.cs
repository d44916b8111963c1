namespace QualityWatch.Alerting;

/// <summary>Alert instances of one rule and stream in one state (Dapper row).</summary>
internal sealed class AlertStateRow
{
    public string Rule { get; set; } = "";
    public string Stream { get; set; } = "";
    public string State { get; set; } = "";
    public long Instances { get; set; }
}
