using System.Diagnostics.Metrics;

namespace QualityWatch.Telemetry;

/// <summary>
/// Whether each component (ingest, storage, judge, notifications) does its work, as the status checks
/// last found it: 1 up or degraded, 0 down; a component switched off has no series.
/// </summary>
public sealed class ComponentGauges
{
    private volatile IReadOnlyDictionary<string, bool> up = new Dictionary<string, bool>();

    /// <summary>Replaces the states; <paramref name="components"/> holds only the configured components.</summary>
    public void Publish(IReadOnlyDictionary<string, bool> components) => up = components;

    internal IEnumerable<Measurement<int>> Up() =>
        up.Select(p => new Measurement<int>(p.Value ? 1 : 0, new KeyValuePair<string, object?>("component", p.Key)));
}
