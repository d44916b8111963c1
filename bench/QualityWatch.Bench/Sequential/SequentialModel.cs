using QualityWatch.Alerting;
using QualityWatch.Statistics;

namespace QualityWatch.Bench.Sequential;

/// <summary>
/// The sequential rule's statistics without the pipeline around them: one prompt_version a day, each
/// judged <see cref="PerDay"/> times, its p0 learned from the last <see cref="LookbackDays"/> days of
/// verdicts (<see cref="LearnedBaseline"/>), its CUSUM and deploy test the service's own
/// <see cref="CusumState"/>, <see cref="DeployAnchoredSprt"/> and <see cref="BernoulliCusum"/> at the rule's options.
/// Millions of verdicts a second, so thousands of days settle what the end-to-end bench cannot.
/// </summary>
internal sealed class SequentialModel(AlertRuleOptions rule, int perDay, int lookbackDays, int seed)
{
    private readonly Random random = new(seed);
    private readonly DeployAnchoredSprt deploy = DeployAnchoredSprt.For(rule.FalseAlarmsPer30Days, rule.DeployTestShare, rule.VersionsPerDay, rule.DeployTestSamples);
    private readonly double arl0 = BernoulliCusum.Arl0Samples(DeployAnchoredSprt.CusumBudget(rule.FalseAlarmsPer30Days, rule.DeployTestShare), perDay / 24.0);

    public int PerDay => perDay;

    public int LookbackDays => lookbackDays;

    /// <summary>Days of stable traffic at <paramref name="rate"/>, a new version each day; which test alarmed, per version.</summary>
    public (long Cusum, long DeployTest) StableDays(double rate, int days)
    {
        var history = new Queue<long>(Enumerable.Range(0, lookbackDays).Select(_ => Hits(perDay, rate)));
        long cusum = 0, sprt = 0;
        for (var day = 0; day < days; day++)
        {
            var (state, h) = Start(history);
            long hits = 0;
            for (var i = 0; i < perDay; i++)
            {
                var hallucinated = random.NextDouble() < rate;
                hits += hallucinated ? 1 : 0;
                state.Add(hallucinated, h, deploy, i);
            }

            if (state.Alarms > 0)
            {
                _ = state.AlarmedBy == "deploy_test" ? sprt++ : cusum++;
            }

            history.Enqueue(hits);
            history.Dequeue();
        }

        return (cusum, sprt);
    }

    /// <summary>Verdicts of a new version at <paramref name="after"/> until its first alarm (null: none in <paramref name="limit"/>), history at <paramref name="before"/>.</summary>
    public long? SamplesToDetect(double before, double after, int limit)
    {
        var history = new Queue<long>(Enumerable.Range(0, lookbackDays).Select(_ => Hits(perDay, before)));
        var (state, h) = Start(history);
        for (var i = 1; i <= limit; i++)
        {
            state.Add(random.NextDouble() < after, h, deploy, i);
            if (state.Alarms > 0)
            {
                return i;
            }
        }

        return null;
    }

    private (CusumState State, double H) Start(Queue<long> history)
    {
        var p0 = rule.BaselineRate ?? LearnedBaseline.Rate(history.Sum(), (long)history.Count * perDay, rule.BaselineStandardErrors);
        var p1 = Math.Min(0.99, p0 * rule.BaselineMultiplier);
        var state = new CusumState { BaselineRate = p0, TargetRate = p1, DeployOpen = rule.DeployTestShare > 0 ? 1 : 0 };
        return (state, BernoulliCusum.AlarmLevel(arl0, p0, p1));
    }

    private long Hits(int samples, double rate)
    {
        long hits = 0;
        for (var i = 0; i < samples; i++)
        {
            hits += random.NextDouble() < rate ? 1 : 0;
        }

        return hits;
    }
}
