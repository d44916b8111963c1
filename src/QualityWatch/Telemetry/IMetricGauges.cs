using System.Diagnostics.Metrics;

namespace QualityWatch.Telemetry;

/// <summary>
/// A feature's observable gauges. The feature registers its implementation (<c>TryAddEnumerable</c>) and
/// <see cref="QualityWatchMetrics"/> hands each the QualityWatch meter once, so Telemetry needs to know no feature.
/// </summary>
public interface IMetricGauges
{
    /// <summary>Creates the gauges on <paramref name="meter"/>; names and units come from <see cref="QualityWatchMetrics"/>.</summary>
    void Register(Meter meter);
}
