using QualityWatch.Alerting;
using QualityWatch.Statistics;

namespace QualityWatch.Bench.Calibration;

/// <summary>
/// The sequential rule's statistics (the service's <see cref="CusumState"/>, <see cref="DeployAnchoredSprt"/>,
/// <see cref="LearnedBaseline"/> and <see cref="SequentialRates"/>) on verdicts of a judge that errs: the truth is drawn at
/// the true rate, the verdict through the judge's sensitivity and specificity. With <paramref name="calibration"/> the
/// rule runs on the corrected rate (its p1 set on the true scale and mapped), without it on the judged rate.
/// </summary>
internal sealed class NoisySequentialModel(AlertRuleOptions rule, double sensitivity, double specificity, EvidenceCalibration? calibration, int perDay, int seed, double? deployMultiplier = null)
{
    private readonly Random random = new(seed);
    private readonly DeployAnchoredSprt deploy = DeployAnchoredSprt.For(rule.FalseAlarmsPer30Days, rule.DeployTestShare, rule.VersionsPerDay, rule.DeployTestSamples);
    private readonly double arl0 = BernoulliCusum.Arl0Samples(DeployAnchoredSprt.CusumBudget(rule.FalseAlarmsPer30Days, rule.DeployTestShare), perDay / 24.0);

    /// <summary>Stable days at the true <paramref name="rate"/>, a new version a day learning p0 from the day before; days with an alarm.</summary>
    public long StableDays(double rate, int days)
    {
        var history = Hits(perDay, rate);
        long alarms = 0;
        for (var day = 0; day < days; day++)
        {
            var (state, h) = Start(history);
            long hits = 0;
            for (var i = 0; i < perDay; i++)
            {
                var judged = Verdict(rate);
                hits += judged ? 1 : 0;
                state.Add(judged, h, deploy, i);
            }

            alarms += state.Alarms > 0 ? 1 : 0;
            history = hits;
        }

        return alarms;
    }

    /// <summary>Verdicts of a new version at true <paramref name="after"/> to its first alarm, history at <paramref name="before"/>; null if none within the limit.</summary>
    public long? VerdictsToDetect(double before, double after, int limit)
    {
        var (state, h) = Start(Hits(perDay, before));
        for (var i = 1; i <= limit; i++)
        {
            state.Add(Verdict(after), h, deploy, i);
            if (state.Alarms > 0)
            {
                return i;
            }
        }

        return null;
    }

    private (Pair State, double H) Start(long history)
    {
        var learned = LearnedBaseline.Rate(history, perDay, rule.BaselineStandardErrors);
        var (p0, p1, _) = SequentialRates.For(rule, learned, "learned", calibration);
        var open = rule.DeployTestShare > 0 ? 1 : 0;
        var state = new CusumState { BaselineRate = p0, TargetRate = p1, DeployOpen = deployMultiplier is null ? open : 0 };
        // A deploy test with its own alternative (not a service option): a second state whose CUSUM never alarms.
        var deployOnly = deployMultiplier is { } m
            ? new CusumState { BaselineRate = p0, TargetRate = SequentialRates.For(Copy(rule, m), learned, "learned", calibration).P1, DeployOpen = open }
            : null;
        return (new Pair(state, deployOnly), BernoulliCusum.AlarmLevel(arl0, p0, p1));
    }

    private static AlertRuleOptions Copy(AlertRuleOptions rule, double multiplier) => new()
    {
        Name = rule.Name, Kind = rule.Kind, BaselineRate = rule.BaselineRate, TargetRate = null, BaselineMultiplier = multiplier,
    };

    private bool Verdict(double rate) =>
        random.NextDouble() < rate ? random.NextDouble() < sensitivity : random.NextDouble() >= specificity;

    private long Hits(int samples, double rate)
    {
        long hits = 0;
        for (var i = 0; i < samples; i++)
        {
            hits += Verdict(rate) ? 1 : 0;
        }

        return hits;
    }

    /// <summary>The rule's state, and the deploy test's when it has its own alternative; alarmed when either is.</summary>
    private sealed record Pair(CusumState Rule, CusumState? DeployOnly)
    {
        public long Alarms => Rule.Alarms + (DeployOnly?.Alarms ?? 0);

        public void Add(bool judged, double h, DeployAnchoredSprt deploy, long at)
        {
            Rule.Add(judged, h, deploy, at);
            DeployOnly?.Add(judged, double.PositiveInfinity, deploy, at);
        }
    }
}
