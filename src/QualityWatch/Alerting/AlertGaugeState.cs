namespace QualityWatch.Alerting;

/// <summary>What the alert gauges last read: each hallucination_rate window's verdicts per stream, and alert instances per state.</summary>
internal sealed record AlertGaugeState(IReadOnlyDictionary<TimeSpan, IReadOnlyList<WindowRow>> Windows, IReadOnlyList<AlertStateRow> Alerts)
{
    public static AlertGaugeState Empty { get; } = new(new Dictionary<TimeSpan, IReadOnlyList<WindowRow>>(), []);
}
