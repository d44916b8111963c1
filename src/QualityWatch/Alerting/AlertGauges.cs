using System.Diagnostics.Metrics;
using Microsoft.Extensions.Options;
using QualityWatch.Sampling;
using QualityWatch.Telemetry;

namespace QualityWatch.Alerting;

/// <summary>
/// The gauges that come from alert state: the hallucination rate over each stream's hallucination_rate
/// window (with its threshold and verdict count) and alert instances per rule, stream and state.
/// Read from the database when scraped, through the shared <see cref="StateReads"/>.
/// </summary>
internal sealed class AlertGauges : IMetricGauges
{
    private static readonly string[] AlertStates = [AlertState.Inactive, AlertState.Pending, AlertState.Firing, AlertState.Resolved];

    // Streams no hallucination_rate rule watches are measured as a rule with the defaults would see them.
    private static readonly AlertRuleOptions DefaultRateRule = new() { Kind = AlertRuleKinds.HallucinationRate };

    private readonly IOptions<SamplingOptions> sampling;
    private readonly IOptionsMonitor<AlertingOptions> alerting;
    private LabelLimits? labelLimits;
    private StateRead<AlertGaugeState>? read;

    public AlertGauges(IOptions<SamplingOptions> sampling, IOptionsMonitor<AlertingOptions> alerting)
    {
        this.sampling = sampling;
        this.alerting = alerting;
    }

    private LabelLimits Labels => labelLimits ?? throw new InvalidOperationException("The alert gauges are not registered.");

    private StateRead<AlertGaugeState> State => read ?? throw new InvalidOperationException("The alert gauges are not registered.");

    public void Register(GaugeContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        labelLimits = context.Labels;
        read = context.State.Add(tx => AlertGaugeQueries.Read(tx, RateWindows()), AlertGaugeState.Empty);
        var meter = context.Meter;
        meter.CreateObservableGauge(QualityWatchMetrics.HallucinationRate, HallucinationRate, "1", "Share of verdicts with a hallucination over the alert window");
        meter.CreateObservableGauge(QualityWatchMetrics.HallucinationThreshold, HallucinationThreshold, "1", "The hallucination_rate rule's threshold for the stream");
        meter.CreateObservableGauge(QualityWatchMetrics.HallucinationWindowVerdicts, WindowVerdicts, "{verdict}", "Verdicts in the alert window the rate is computed from");
        meter.CreateObservableGauge(QualityWatchMetrics.AlertInstances, AlertInstances, "{alert}", "Alert instances per rule, stream and state");
    }

    internal IEnumerable<Measurement<double>> HallucinationRate() =>
        Windows().Where(w => w.Verdicts > 0).Select(w => new Measurement<double>((double)w.Hallucinations / w.Verdicts, StreamTag(w.Stream)));

    internal IEnumerable<Measurement<long>> WindowVerdicts() =>
        Windows().Select(w => new Measurement<long>(w.Verdicts, StreamTag(w.Stream)));

    internal IEnumerable<Measurement<double>> HallucinationThreshold() =>
        Windows().Select(w => new Measurement<double>(w.Threshold, StreamTag(w.Stream)));

    internal IEnumerable<Measurement<long>> AlertInstances()
    {
        var rows = State.Current.Alerts;
        var measurements = new List<Measurement<long>>();
        foreach (var rule in alerting.CurrentValue.Rules)
        {
            var counts = new Dictionary<(string Stream, string State), long>();
            var streams = KnownStreams(rule).Concat(rows.Where(r => r.Rule == rule.Name).Select(r => Labels.Stream(r.Stream)));
            foreach (var stream in streams)
            {
                foreach (var alertState in AlertStates)
                {
                    counts.TryAdd((stream, alertState), 0);
                }
            }

            foreach (var row in rows.Where(r => r.Rule == rule.Name))
            {
                var key = (Labels.Stream(row.Stream), row.State);
                counts[key] = counts.GetValueOrDefault(key) + row.Instances;
            }

            measurements.AddRange(counts.Select(p => new Measurement<long>(
                p.Value, new("rule", rule.Name), new("severity", rule.Severity), new("stream", p.Key.Stream), new("state", p.Key.State))));
        }

        return measurements;
    }

    private IEnumerable<TimeSpan> RateWindows() =>
        alerting.CurrentValue.Rules.Where(r => r.Kind == AlertRuleKinds.HallucinationRate).Select(r => r.Window).Append(DefaultRateRule.Window).Distinct();

    private IEnumerable<(string Stream, long Verdicts, long Hallucinations, double Threshold)> Windows()
    {
        var current = State.Current;
        var cells = new Dictionary<string, (long Verdicts, long Hallucinations, double Threshold)>();
        var raw = KnownRawStreams().Concat(current.Windows.Values.SelectMany(rows => rows.Select(r => r.Stream))).Distinct();
        foreach (var stream in raw)
        {
            var rule = RateRuleFor(stream);
            var row = current.Windows.GetValueOrDefault(rule.Window)?.FirstOrDefault(r => r.Stream == stream);
            var label = Labels.Stream(stream);
            var cell = cells.GetValueOrDefault(label, (0, 0, rule.Threshold ?? HallucinationRateRule.DefaultThreshold));
            cells[label] = (cell.Verdicts + (row?.Verdicts ?? 0), cell.Hallucinations + (row?.Hallucinations ?? 0), cell.Threshold);
        }

        return cells.Select(p => (p.Key, p.Value.Verdicts, p.Value.Hallucinations, p.Value.Threshold));
    }

    private AlertRuleOptions RateRuleFor(string stream) =>
        alerting.CurrentValue.Rules.FirstOrDefault(r => r.Kind == AlertRuleKinds.HallucinationRate && RuleStreams.Watches(r, stream)) ?? DefaultRateRule;

    private IEnumerable<string> KnownRawStreams() => sampling.Value.Streams.Select(s => s.Name).Prepend(SamplingOptions.DefaultStream);

    private IEnumerable<string> KnownStreams(AlertRuleOptions rule) =>
        KnownRawStreams().Where(s => RuleStreams.Watches(rule, s)).Select(Labels.Stream).Distinct();

    private static KeyValuePair<string, object?> StreamTag(string stream) => new("stream", stream);
}
