using System.Diagnostics.Metrics;
using QualityWatch.Telemetry;

namespace QualityWatch.Sampling;

/// <summary>The pacing gauges, read off the ingest writer's in-memory counters (streams seen since start).</summary>
internal sealed class SamplingGauges(SamplingState sampling) : IMetricGauges
{
    private LabelLimits? labelLimits;

    private LabelLimits Labels => labelLimits ?? throw new InvalidOperationException("The sampling gauges are not registered.");

    public void Register(GaugeContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        labelLimits = context.Labels;
        var meter = context.Meter;
        meter.CreateObservableGauge(QualityWatchMetrics.SamplingEveryN, EveryN, "{interaction}", "Routine sampling rate as 1 in N, after budget pacing");
        meter.CreateObservableGauge(QualityWatchMetrics.BudgetUsed, BudgetUsed, "1", "Share of the stream's daily judge budget spent today");
        meter.CreateObservableCounter(QualityWatchMetrics.VersionsFolded, VersionsFolded, "{interaction}", "Interactions counted as _other past Sampling:MaxVersionsPerStream");
    }

    internal IEnumerable<Measurement<double>> EveryN()
    {
        foreach (var counter in sampling.Loaded)
        {
            var stream = counter.Definition;
            var paced = stream.Budget.Enabled && !double.IsNaN(counter.Pace.EffectiveEveryN);
            // A spent budget samples nothing: reported as 0 (never), since Prometheus has no infinity-friendly panels.
            var everyN = !paced ? stream.EveryN : double.IsPositiveInfinity(counter.Pace.EffectiveEveryN) ? 0 : counter.Pace.EffectiveEveryN;
            yield return new Measurement<double>(everyN, new KeyValuePair<string, object?>("stream", Labels.Stream(stream.Name)));
        }
    }

    internal IEnumerable<Measurement<double>> BudgetUsed()
    {
        foreach (var counter in sampling.Loaded.Where(c => c.Definition.Budget.Enabled))
        {
            yield return new Measurement<double>(counter.Pace.UsedRatio(counter.Definition.Budget), new KeyValuePair<string, object?>("stream", Labels.Stream(counter.Stream)));
        }
    }

    /// <summary>Interactions counted as <c>_other</c> past <c>Sampling:MaxVersionsPerStream</c>; 0 for every stream seen, so rate() works from the start.</summary>
    internal IEnumerable<Measurement<long>> VersionsFolded()
    {
        foreach (var counter in sampling.Loaded)
        {
            foreach (var dimension in VersionTracker.TrackedDimensions)
            {
                yield return new Measurement<long>(
                    sampling.Versions.Folded(counter.Stream, dimension),
                    new KeyValuePair<string, object?>("stream", Labels.Stream(counter.Stream)),
                    new KeyValuePair<string, object?>("dimension", dimension));
            }
        }
    }
}
