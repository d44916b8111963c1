namespace QualityWatch.Telemetry;

/// <summary>What the database said at <see cref="ReadAt"/>; the gauges report from it until it is stale.</summary>
internal sealed record StateSnapshot(
    DateTimeOffset ReadAt,
    IReadOnlyList<QueueRow> Queue,
    IReadOnlyDictionary<TimeSpan, IReadOnlyList<WindowRow>> Windows,
    IReadOnlyList<AlertStateRow> Alerts)
{
    public static StateSnapshot Empty { get; } = new(DateTimeOffset.MinValue, [], new Dictionary<TimeSpan, IReadOnlyList<WindowRow>>(), []);
}
