using System.Diagnostics.Metrics;
using Microsoft.Extensions.Options;
using QualityWatch.Alerting;
using QualityWatch.Judging.Queue;
using QualityWatch.Sampling;
using QualityWatch.Storage;

namespace QualityWatch.Telemetry;

/// <summary>
/// Gauges that describe what is in the database right now: the judge queue, the hallucination rate over
/// alerting's window, and alert states. Read lazily when scraped, at most once per
/// <see cref="MetricsOptions.StateRefreshInterval"/>, so an idle service does no work for them.
/// </summary>
public sealed class StateGauges(
    SqliteConnectionFactory connections,
    IOptions<SamplingOptions> sampling,
    IOptionsMonitor<AlertingOptions> alerting,
    IOptions<MetricsOptions> options,
    LabelLimits labels,
    TimeProvider time,
    ILogger<StateGauges> logger)
{
    private static readonly string[] QueueStatuses = [SampleStatuses.Pending, SampleStatuses.Leased];
    private static readonly string[] AlertStates = [AlertState.Inactive, AlertState.Pending, AlertState.Firing, AlertState.Resolved];

    // Streams no hallucination_rate rule watches are measured as a rule with the defaults would see them.
    private static readonly AlertRuleOptions DefaultRateRule = new() { Kind = AlertRuleKinds.HallucinationRate };

    private readonly StateQueries queries = new(connections);
    private readonly Lock gate = new();
    private StateSnapshot snapshot = StateSnapshot.Empty;
    private bool failing;

    internal IEnumerable<Measurement<long>> QueueSamples()
    {
        var counts = new Dictionary<(string Stream, string Status), long>();
        foreach (var stream in KnownStreams())
        {
            foreach (var status in QueueStatuses)
            {
                counts[(stream, status)] = 0;
            }
        }

        foreach (var row in Current().Queue)
        {
            var key = (labels.Stream(row.Stream), row.Status);
            counts[key] = counts.GetValueOrDefault(key) + row.Samples;
        }

        return counts.Select(p => new Measurement<long>(p.Value, new("stream", p.Key.Stream), new("status", p.Key.Status)));
    }

    internal IEnumerable<Measurement<double>> OldestWaitingAge()
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        var ages = KnownStreams().ToDictionary(s => s, _ => 0.0);
        foreach (var row in Current().Queue)
        {
            var stream = labels.Stream(row.Stream);
            ages[stream] = Math.Max(ages.GetValueOrDefault(stream), Math.Max(0, now - row.OldestReceivedAt) / 1000.0);
        }

        return ages.Select(p => new Measurement<double>(p.Value, new KeyValuePair<string, object?>("stream", p.Key)));
    }

    internal IEnumerable<Measurement<double>> HallucinationRate() =>
        Windows().Where(w => w.Verdicts > 0).Select(w => new Measurement<double>((double)w.Hallucinations / w.Verdicts, StreamTag(w.Stream)));

    internal IEnumerable<Measurement<long>> WindowVerdicts() =>
        Windows().Select(w => new Measurement<long>(w.Verdicts, StreamTag(w.Stream)));

    internal IEnumerable<Measurement<double>> HallucinationThreshold() =>
        Windows().Select(w => new Measurement<double>(w.Threshold, StreamTag(w.Stream)));

    internal IEnumerable<Measurement<long>> AlertInstances()
    {
        var rows = Current().Alerts;
        var measurements = new List<Measurement<long>>();
        foreach (var rule in alerting.CurrentValue.Rules)
        {
            var counts = new Dictionary<(string Stream, string State), long>();
            var streams = KnownStreams(rule).Concat(rows.Where(r => r.Rule == rule.Name).Select(r => labels.Stream(r.Stream)));
            foreach (var stream in streams)
            {
                foreach (var state in AlertStates)
                {
                    counts.TryAdd((stream, state), 0);
                }
            }

            foreach (var row in rows.Where(r => r.Rule == rule.Name))
            {
                var key = (labels.Stream(row.Stream), row.State);
                counts[key] = counts.GetValueOrDefault(key) + row.Instances;
            }

            measurements.AddRange(counts.Select(p => new Measurement<long>(
                p.Value, new("rule", rule.Name), new("severity", rule.Severity), new("stream", p.Key.Stream), new("state", p.Key.State))));
        }

        return measurements;
    }

    private IEnumerable<(string Stream, long Verdicts, long Hallucinations, double Threshold)> Windows()
    {
        var current = Current();
        var cells = new Dictionary<string, (long Verdicts, long Hallucinations, double Threshold)>();
        var raw = KnownRawStreams().Concat(current.Windows.Values.SelectMany(rows => rows.Select(r => r.Stream))).Distinct();
        foreach (var stream in raw)
        {
            var rule = RateRuleFor(stream);
            var row = current.Windows.GetValueOrDefault(rule.Window)?.FirstOrDefault(r => r.Stream == stream);
            var label = labels.Stream(stream);
            var cell = cells.GetValueOrDefault(label, (0, 0, rule.Threshold ?? HallucinationRateRule.DefaultThreshold));
            cells[label] = (cell.Verdicts + (row?.Verdicts ?? 0), cell.Hallucinations + (row?.Hallucinations ?? 0), cell.Threshold);
        }

        return cells.Select(p => (p.Key, p.Value.Verdicts, p.Value.Hallucinations, p.Value.Threshold));
    }

    private AlertRuleOptions RateRuleFor(string stream) =>
        alerting.CurrentValue.Rules.FirstOrDefault(r => r.Kind == AlertRuleKinds.HallucinationRate && RuleStreams.Watches(r, stream)) ?? DefaultRateRule;

    private StateSnapshot Current()
    {
        lock (gate)
        {
            var now = time.GetUtcNow();
            if (now - snapshot.ReadAt < options.Value.StateRefreshInterval)
            {
                return snapshot;
            }

            try
            {
                var windows = alerting.CurrentValue.Rules.Where(r => r.Kind == AlertRuleKinds.HallucinationRate).Select(r => r.Window).Append(DefaultRateRule.Window);
                snapshot = queries.Read(now, windows.Distinct());
                if (failing)
                {
                    failing = false;
                    Log.StateReadRecovered(logger);
                }
            }
            catch (Exception ex)
            {
                // A scrape must still answer (with the last values) while the database is briefly unreadable,
                // e.g. before the first migration. Say so once, not on every scrape.
                snapshot = snapshot with { ReadAt = now };
                if (!failing)
                {
                    failing = true;
                    Log.StateReadFailed(logger, ex);
                }
            }

            return snapshot;
        }
    }

    private IEnumerable<string> KnownRawStreams() => sampling.Value.Streams.Select(s => s.Name).Prepend(SamplingOptions.DefaultStream);

    private IEnumerable<string> KnownStreams() => KnownRawStreams().Select(labels.Stream).Distinct();

    private IEnumerable<string> KnownStreams(AlertRuleOptions rule) =>
        KnownRawStreams().Where(s => RuleStreams.Watches(rule, s)).Select(labels.Stream).Distinct();

    private static KeyValuePair<string, object?> StreamTag(string stream) => new("stream", stream);
}
