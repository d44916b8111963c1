using QualityWatch.Statistics;
namespace QualityWatch.Alerting;

/// <summary><c>judge_failure_ratio</c>: failed / (done + failed) samples finished in the last Window is above Threshold, with at least MinSamples finished.</summary>
internal sealed class JudgeFailureRatioRule(OperationalQueries queries) : IAlertRule
{
    public const double DefaultThreshold = 0.2;

    public string Kind => AlertRuleKinds.JudgeFailureRatio;

    public async Task<IReadOnlyList<RuleObservation>> ObserveAsync(AlertRuleOptions rule, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var from = now - rule.Window;
        var threshold = rule.Threshold ?? DefaultThreshold;
        var window = Durations.Format(rule.Window);
        var observations = new List<RuleObservation>();
        foreach (var row in await queries.OutcomesAsync(from, now, cancellationToken))
        {
            if (!RuleStreams.Watches(rule, row.Stream))
            {
                continue;
            }

            long failed = row.Failed, n = row.Failed + row.Done;
            var ratio = n == 0 ? 0 : (double)failed / n;
            var (lower, upper) = WilsonInterval.For(failed, n);
            bool? active = n < rule.MinSamples ? null : ratio > threshold;
            var summary = active is null
                ? $"insufficient data ({n} of {rule.MinSamples} finished samples in {window})"
                : $"judge failures {Durations.Percent(ratio)} {(ratio > threshold ? ">" : "<=")} {Durations.Percent(threshold)} ({failed}/{n} in {window})";
            observations.Add(new RuleObservation(row.Stream, "", active, ratio, summary, new AlertEvidence
            {
                Rule = rule.Name,
                Kind = Kind,
                Stream = row.Stream,
                Value = ratio,
                Threshold = threshold,
                WindowStart = from,
                WindowEnd = now,
                Samples = n,
                Hits = failed,
                Rate = ratio,
                WilsonLower = lower,
                WilsonUpper = upper,
                Detail = "failed / (done + failed) samples, by when they finished",
            }));
        }

        return observations;
    }
}
