using QualityWatch.Statistics;
namespace QualityWatch.Alerting;

/// <summary>
/// <c>hallucination_rate</c>: the share of hallucinated verdicts judged in the last Window is above Threshold,
/// with at least MinSamples verdicts; optionally the Wilson 95% lower bound must exceed it too.
/// </summary>
internal sealed class HallucinationRateRule(VerdictQueries queries) : IAlertRule
{
    public const double DefaultThreshold = 0.05;

    public string Kind => AlertRuleKinds.HallucinationRate;

    public async Task<IReadOnlyList<RuleObservation>> ObserveAsync(AlertRuleOptions rule, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var from = now - rule.Window;
        var threshold = rule.Threshold ?? DefaultThreshold;
        var observations = new List<RuleObservation>();
        foreach (var stream in (await queries.CellsAsync(from, now, cancellationToken)).GroupBy(c => c.Stream))
        {
            if (!RuleStreams.Watches(rule, stream.Key))
            {
                continue;
            }

            long n = stream.Sum(c => c.Samples), k = stream.Sum(c => c.Hallucinations);
            var rate = n == 0 ? 0 : (double)k / n;
            var (lower, upper) = WilsonInterval.For(k, n);
            var window = Durations.Format(rule.Window);
            bool? active = n < rule.MinSamples ? null : rate > threshold && (!rule.RequireLowerBound || lower > threshold);
            var resolveLevel = ResolveLevel(rule, threshold);
            var below = rule.ResolveOnUpperBound ? upper < threshold : rate <= resolveLevel;
            var relation = rate > threshold ? ">" : "<=";
            var summary = active is null
                ? $"insufficient data ({n} of {rule.MinSamples} verdicts in {window})"
                : $"rate {Durations.Percent(rate)} {relation} {Durations.Percent(threshold)} ({k}/{n} in {window}, Wilson 95% [{Durations.Percent(lower)}, {Durations.Percent(upper)}])";
            var examples = active == true
                ? await queries.ExamplesAsync(stream.Key, null, from, now, hallucinatedOnly: true, orderBy: null, cancellationToken)
                : [];
            var evidence = new AlertEvidence
            {
                Rule = rule.Name,
                Kind = Kind,
                Stream = stream.Key,
                Value = rate,
                Threshold = threshold,
                WindowStart = from,
                WindowEnd = now,
                Samples = n,
                Hits = k,
                Rate = rate,
                WilsonLower = lower,
                WilsonUpper = upper,
                Detail = (rule.RequireLowerBound ? "the Wilson 95% lower bound must exceed the threshold; " : "") +
                    (rule.ResolveOnUpperBound ? "resolves once the Wilson 95% upper bound is below the threshold" : $"resolves at or below {Durations.Percent(resolveLevel)}"),
                Split = [.. stream.Select(c => c.ToSplit())],
                Examples = examples,
            };
            observations.Add(new RuleObservation(stream.Key, "", active, rate, summary, evidence) { BelowResolveLevel = below });
        }

        return observations;
    }

    /// <summary>The rate a firing alert must fall to before it may resolve: ResolveLevel, else 0.8 × the threshold.</summary>
    public static double ResolveLevel(AlertRuleOptions rule, double threshold) => rule.ResolveLevel ?? 0.8 * threshold;
}
