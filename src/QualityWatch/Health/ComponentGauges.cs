using System.Diagnostics.Metrics;

using QualityWatch.Telemetry;

namespace QualityWatch.Health;

/// <summary>
/// Whether each component (ingest, storage, judge, notifications) does its work, as the status checks
/// last found it: 1 up or degraded, 0 down; a component switched off has no series.
/// </summary>
internal sealed class ComponentGauges : IMetricGauges
{
    private volatile IReadOnlyDictionary<string, bool> up = new Dictionary<string, bool>();

    /// <summary>Replaces the states; <paramref name="components"/> holds only the configured components.</summary>
    public void Publish(IReadOnlyDictionary<string, bool> components) => up = components;

    public void Register(GaugeContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Meter.CreateObservableGauge(QualityWatchMetrics.ComponentUp, Up, null, "1 when the component (ingest, storage, judge, notifications) does its work, 0 when it is down");
    }

    internal IEnumerable<Measurement<int>> Up() =>
        up.Select(p => new Measurement<int>(p.Value ? 1 : 0, new KeyValuePair<string, object?>("component", p.Key)));
}
