using System.Diagnostics.Metrics;
using Microsoft.Extensions.Options;
using QualityWatch.Calibration;
using QualityWatch.Judging;
using QualityWatch.Sampling;
using QualityWatch.Telemetry;

namespace QualityWatch.Alerting;

/// <summary>
/// The gauges that come from alert state: the hallucination rate over each stream's hallucination_rate
/// window (with its threshold and verdict count), the same rate corrected for judge error with the stream's
/// current calibration, and alert instances per rule, stream and state.
/// Read from the database when scraped, through the shared <see cref="StateReads"/>.
/// </summary>
internal sealed class AlertGauges : IMetricGauges
{
    private static readonly string[] AlertStates = [AlertState.Inactive, AlertState.Pending, AlertState.Firing, AlertState.Resolved];

    // Streams no hallucination_rate rule watches are measured as a rule with the defaults would see them.
    private static readonly AlertRuleOptions DefaultRateRule = new() { Kind = AlertRuleKinds.HallucinationRate };

    private readonly IOptions<SamplingOptions> sampling;
    private readonly IOptionsMonitor<AlertingOptions> alerting;
    private readonly CalibrationReader calibrationReader;
    private readonly CorrectedRates correctedRates;
    private readonly CurrentRubric rubric;
    private LabelLimits? labelLimits;
    private StateRead<AlertGaugeState>? read;
    private StateRead<IReadOnlyList<StreamCalibrations>>? calibrations;

    public AlertGauges(IOptions<SamplingOptions> sampling, IOptionsMonitor<AlertingOptions> alerting, CalibrationReader calibrationReader, CorrectedRates correctedRates, CurrentRubric rubric)
    {
        this.sampling = sampling;
        this.alerting = alerting;
        this.calibrationReader = calibrationReader;
        this.correctedRates = correctedRates;
        this.rubric = rubric;
    }

    private LabelLimits Labels => labelLimits ?? throw new InvalidOperationException("The alert gauges are not registered.");

    private StateRead<AlertGaugeState> State => read ?? throw new InvalidOperationException("The alert gauges are not registered.");

    public void Register(GaugeContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        labelLimits = context.Labels;
        read = context.State.Add(tx => AlertGaugeQueries.Read(tx, RateWindows(), rubric), AlertGaugeState.Empty);
        calibrations = context.State.Add<IReadOnlyList<StreamCalibrations>>(tx => calibrationReader.ReadAll(tx.Connection, tx.Transaction), []);
        var meter = context.Meter;
        meter.CreateObservableGauge(QualityWatchMetrics.HallucinationRate, HallucinationRate, "1", "Share of verdicts with a hallucination over the alert window");
        meter.CreateObservableGauge(
            QualityWatchMetrics.HallucinationCorrectedRate, HallucinationCorrectedRate, "1", "The hallucination rate over the alert window corrected for judge error, and its 95% interval (bound)");
        meter.CreateObservableGauge(QualityWatchMetrics.HallucinationThreshold, HallucinationThreshold, "1", "The hallucination_rate rule's threshold for the stream");
        meter.CreateObservableGauge(QualityWatchMetrics.HallucinationWindowVerdicts, WindowVerdicts, "{verdict}", "Verdicts in the alert window the rate is computed from");
        meter.CreateObservableGauge(QualityWatchMetrics.AlertInstances, AlertInstances, "{alert}", "Alert instances per rule, stream and state");
    }

    internal IEnumerable<Measurement<double>> HallucinationRate() =>
        Windows().Where(w => w.Verdicts > 0).Select(w => new Measurement<double>((double)w.Hallucinations / w.Verdicts, StreamTag(w.Stream)));

    /// <summary>
    /// Per stream with a corrected rate: its estimate and bounds. A stream folded into the capped label has no
    /// calibration of its own to speak for the label, so it gets none.
    /// </summary>
    internal IEnumerable<Measurement<double>> HallucinationCorrectedRate()
    {
        var current = State.Current;
        var byStream = (calibrations ?? throw new InvalidOperationException("The alert gauges are not registered.")).Current.ToDictionary(c => c.Stream, StringComparer.Ordinal);
        var measurements = new List<Measurement<double>>();
        foreach (var (stream, calibration) in byStream)
        {
            var row = current.Windows.GetValueOrDefault(RateRuleFor(stream).Window)?.FirstOrDefault(r => r.Stream == stream);
            if (row is null || Labels.Stream(stream) != stream || correctedRates.For(calibration, row.Hallucinations, row.Verdicts).Rate is not { } rate)
            {
                continue;
            }

            measurements.Add(new(rate.Value, StreamTag(stream), new("bound", "estimate")));
            measurements.Add(new(rate.Lower, StreamTag(stream), new("bound", "lower")));
            measurements.Add(new(rate.Upper, StreamTag(stream), new("bound", "upper")));
        }

        return measurements;
    }

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
