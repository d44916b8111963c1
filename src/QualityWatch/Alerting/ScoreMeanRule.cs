using QualityWatch.Statistics;
namespace QualityWatch.Alerting;

/// <summary><c>accuracy_mean</c> / <c>tone_mean</c>: the mean 1–5 score judged in the last Window is below Level, with at least MinSamples verdicts.</summary>
internal sealed class ScoreMeanRule(VerdictQueries queries, string kind) : IAlertRule
{
    public string Kind => kind;

    private string Score => kind == AlertRuleKinds.AccuracyMean ? "accuracy" : "tone";

    public async Task<IReadOnlyList<RuleObservation>> ObserveAsync(AlertRuleOptions rule, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var from = now - rule.Window;
        var observations = new List<RuleObservation>();
        foreach (var stream in (await queries.CellsAsync(from, now, cancellationToken)).GroupBy(c => c.Stream))
        {
            if (!RuleStreams.Watches(rule, stream.Key))
            {
                continue;
            }

            var n = stream.Sum(c => c.Samples);
            var sum = stream.Sum(c => Score == "accuracy" ? c.AccuracySum : c.ToneSum);
            var mean = n == 0 ? 0 : (double)sum / n;
            var window = Durations.Format(rule.Window);
            bool? active = n < rule.MinSamples ? null : mean < rule.Level;
            var relation = mean < rule.Level ? "<" : ">=";
            var summary = active is null
                ? $"insufficient data ({n} of {rule.MinSamples} verdicts in {window})"
                : $"mean {Score} {Durations.Number(mean)} {relation} {Durations.Number(rule.Level)} ({n} verdicts in {window})";
            var examples = active == true
                ? await queries.ExamplesAsync(stream.Key, null, from, now, hallucinatedOnly: false, orderBy: Score, cancellationToken)
                : [];
            var k = stream.Sum(c => c.Hallucinations);
            var (lower, upper) = WilsonInterval.For(k, n);
            observations.Add(new RuleObservation(stream.Key, "", active, mean, summary, new AlertEvidence
            {
                Rule = rule.Name,
                Kind = Kind,
                Stream = stream.Key,
                Value = mean,
                Threshold = rule.Level,
                WindowStart = from,
                WindowEnd = now,
                Samples = n,
                Hits = k,
                Rate = n == 0 ? 0 : (double)k / n,
                WilsonLower = lower,
                WilsonUpper = upper,
                Detail = $"mean {Score} score",
                Split = [.. stream.Select(c => c.ToSplit())],
                Examples = examples,
            }));
        }

        return observations;
    }
}
