namespace QualityWatch.Telemetry;

/// <summary>
/// A feature's observable gauges. The feature registers its implementation (<c>TryAddEnumerable</c>) and
/// <see cref="QualityWatchMetrics"/> registers each once, so Telemetry needs to know no feature.
/// </summary>
internal interface IMetricGauges
{
    /// <summary>Creates the gauges on the context's meter; names and units come from <see cref="QualityWatchMetrics"/>.</summary>
    void Register(GaugeContext context);
}
