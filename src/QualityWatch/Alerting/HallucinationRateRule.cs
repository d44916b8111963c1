using QualityWatch.Calibration;
using QualityWatch.Statistics;
namespace QualityWatch.Alerting;

/// <summary>
/// <c>hallucination_rate</c>: the hallucination rate of the verdicts judged in the last Window is above Threshold,
/// with at least MinSamples verdicts; optionally its 95% lower bound must exceed it too. The rate is the judged one
/// (Wilson interval) or the one corrected for judge error (Rogan–Gladen, posterior interval), per <c>Rate</c>
/// (<see cref="RateChoice"/>); the corrected point estimate is what crosses the threshold, its interval's bounds
/// serve RequireLowerBound and ResolveOnUpperBound.
/// </summary>
internal sealed class HallucinationRateRule(VerdictQueries queries, CalibrationReader calibrations) : IAlertRule
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
            var judgedRate = n == 0 ? 0 : (double)k / n;
            var (wilsonLower, wilsonUpper) = WilsonInterval.For(k, n);
            var choice = RateChoice.For(rule, await calibrations.ForStreamAsync(stream.Key, cancellationToken));
            Estimate? corrected = null;
            var unavailable = choice.Unavailable;
            if (choice.Calibration is { } calibration && n > 0)
            {
                (corrected, var why) = CorrectedRate.For(k, n, calibration.Calibration);
                unavailable ??= why;
            }

            var useCorrected = choice.Rate == RateBases.Corrected;
            var (rate, lower, upper) = useCorrected && corrected is { } c ? (c.Value, c.Lower, c.Upper) : (judgedRate, wilsonLower, wilsonUpper);
            var window = Durations.Format(rule.Window);
            var noRate = useCorrected && corrected is null;
            bool? active = n < rule.MinSamples || noRate ? null : rate > threshold && (!rule.RequireLowerBound || lower > threshold);
            var resolveLevel = ResolveLevel(rule, threshold);
            bool? below = noRate ? (bool?)null : rule.ResolveOnUpperBound ? upper < threshold : rate <= resolveLevel;
            var relation = rate > threshold ? ">" : "<=";
            var interval = useCorrected ? "corrected 95%" : "Wilson 95%";
            var summary = n < rule.MinSamples
                ? $"insufficient data ({n} of {rule.MinSamples} verdicts in {window})"
                : noRate
                    ? $"no corrected rate ({unavailable}); judged {Durations.Percent(judgedRate)} ({k}/{n} in {window})"
                    : $"{(useCorrected ? "corrected rate" : "rate")} {Durations.Percent(rate)} {relation} {Durations.Percent(threshold)} ({k}/{n} in {window}, {interval} [{Durations.Percent(lower)}, {Durations.Percent(upper)}])" +
                        (useCorrected ? $", judged {Durations.Percent(judgedRate)}" : "");
            var label = useCorrected ? "corrected rate" : "rate";
            var counts = $"{k}/{n} in {window}, {interval} [{Durations.Percent(lower)}, {Durations.Percent(upper)}]";
            var resolveSummary = below != true || active != false
                ? null
                : rule.ResolveOnUpperBound
                    ? $"{label} {Durations.Percent(rate)}, its {interval} upper bound {Durations.Percent(upper)} < threshold {Durations.Percent(threshold)} (resolve rule: upper bound below the threshold; {counts})"
                    : $"{label} {Durations.Percent(rate)} <= resolve level {Durations.Percent(resolveLevel)} ({(rule.ResolveLevel is null ? "0.8 × threshold" : "ResolveLevel; threshold")} {Durations.Percent(threshold)}; {counts})";
            var examples = active == true
                ? await queries.ExamplesAsync(stream.Key, null, from, now, hallucinatedOnly: true, orderBy: null, cancellationToken)
                : [];
            var bound = useCorrected ? "corrected" : "Wilson";
            var evidence = new AlertEvidence
            {
                Rule = rule.Name,
                Kind = Kind,
                Stream = stream.Key,
                Value = noRate ? null : rate,
                Threshold = threshold,
                WindowStart = from,
                WindowEnd = now,
                Samples = n,
                Hits = k,
                Rate = judgedRate,
                WilsonLower = wilsonLower,
                WilsonUpper = wilsonUpper,
                RateBasis = choice.Rate,
                Calibration = choice.Evidence,
                CorrectedRate = corrected?.Value,
                CorrectedLower = corrected?.Lower,
                CorrectedUpper = corrected?.Upper,
                Detail = $"compares the {choice.Rate} rate" + (unavailable is null ? "; " : $" ({unavailable}); ") +
                    (rule.RequireLowerBound ? $"the {bound} 95% lower bound must exceed the threshold; " : "") +
                    (rule.ResolveOnUpperBound ? $"resolves once the {bound} 95% upper bound is below the threshold" : $"resolves at or below {Durations.Percent(resolveLevel)}"),
                Split = [.. stream.Select(c => c.ToSplit())],
                Examples = examples,
            };
            observations.Add(new RuleObservation(stream.Key, "", active, noRate ? null : rate, summary, evidence) { BelowResolveLevel = below, ResolveSummary = resolveSummary });
        }

        return observations;
    }

    /// <summary>The rate a firing alert must fall to before it may resolve: ResolveLevel, else 0.8 × the threshold.</summary>
    public static double ResolveLevel(AlertRuleOptions rule, double threshold) => rule.ResolveLevel ?? 0.8 * threshold;
}
