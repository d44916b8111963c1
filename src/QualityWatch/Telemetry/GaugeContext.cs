using System.Diagnostics.Metrics;

namespace QualityWatch.Telemetry;

/// <summary>
/// What Telemetry hands a feature's gauges when it registers them: the QualityWatch meter, the caps on
/// label values, and the shared database read. Handed over rather than injected, so that a feature composed
/// without metrics (as some tests compose alerting) still builds.
/// </summary>
internal sealed record GaugeContext(Meter Meter, LabelLimits Labels, StateReads State);
