using QualityWatch.Alerting;
using QualityWatch.Statistics;

namespace QualityWatch.Tests.Alerting;

/// <summary>The sequential tests on a judge that errs: true-scale rates mapped to the judged scale (docs/statistics.md).</summary>
public sealed class SequentialRatesTests
{
    private static readonly EvidenceCalibration IssueJudge = new()
    {
        JudgeModel = "judge",
        RubricVersion = "v1",
        Labels = 1000,
        Sensitivity = 0.85,
        SensitivityLower = 0.8,
        SensitivityUpper = 0.9,
        Specificity = 0.96,
        SpecificityLower = 0.95,
        SpecificityUpper = 0.97,
    };

    private static readonly AlertRuleOptions TrueJump = new() { Name = "shift", Kind = "sequential", BaselineRate = 0.02, TargetRate = 0.08 };

    [Fact]
    public void TrueJump2To8Percent_MapsToTheJudgedJumpsLogLikelihoodRatios()
    {
        var (p0, p1, source) = SequentialRates.For(TrueJump, null, "configured", IssueJudge);

        // q = π·Se + (1 − π)(1 − Sp): 2% -> 5.62%, 8% -> 10.48%.
        Assert.Equal(0.0562, p0, 10);
        Assert.Equal(0.1048, p1, 10);
        var (hit, miss) = BernoulliCusum.Llr(p0, p1);
        Assert.Equal(0.62314, hit, 5);
        Assert.Equal(-0.052868, miss, 5);
        Assert.Contains("true 2.0% -> 8.0% is judged 5.62% -> 10.48%", source, StringComparison.Ordinal);
    }

    [Fact]
    public void WithoutCalibration_RatesAreUsedAsGiven()
    {
        var (p0, p1, source) = SequentialRates.For(TrueJump, null, "configured", null);

        Assert.Equal((0.02, 0.08, "configured"), (p0, p1, source));
    }

    [Fact]
    public void LearnedJudgedBaseline_ShiftsTheTrueRate_NotTheJudgedOne()
    {
        var rule = new AlertRuleOptions { Name = "shift", Kind = "sequential", BaselineMultiplier = 2 };

        var (p0, p1, _) = SequentialRates.For(rule, 0.0562, "learned", IssueJudge);

        // A judged 5.62% is a true 2%; twice that is a true 4%, judged 7.24% (not 11.24%).
        Assert.Equal(0.0562, p0, 10);
        Assert.Equal((0.04 * 0.85) + (0.96 * 0.04), p1, 6);
    }

    [Fact]
    public void NoisyJudge_StableTrafficKeepsTheBudget_AndTheTrueJumpIsDetected()
    {
        var (p0, p1, _) = SequentialRates.For(TrueJump, null, "configured", IssueJudge);
        var h = BernoulliCusum.AlarmLevel(BernoulliCusum.Arl0Samples(0.5, 100), p0, p1);
        var random = new Random(18);

        // 30 stable days of 2,400 verdicts: the budget is 0.5 false alarms per 30 days (ARL0 144,000 verdicts).
        var falseAlarms = 0;
        for (var day = 0; day < 30; day++)
        {
            var state = new CusumState { BaselineRate = p0, TargetRate = p1 };
            for (var i = 0; i < 2400 && state.Alarms == 0; i++)
            {
                state.Add(Judge(random, 0.02), h, i);
            }

            falseAlarms += (int)state.Alarms;
        }

        // A true jump to 8%, from the start of a version: judged verdicts to the alarm.
        var delays = new List<int>();
        for (var run = 0; run < 200; run++)
        {
            var state = new CusumState { BaselineRate = p0, TargetRate = p1 };
            var i = 0;
            while (state.Alarms == 0 && i < 5000)
            {
                state.Add(Judge(random, 0.08), h, i++);
            }

            delays.Add(i);
        }

        delays.Sort();
        // Unmapped (p0 = 2% against a judged 5.6%) every stable day alarms within a few hundred verdicts.
        Assert.True(falseAlarms <= 3, $"{falseAlarms} false alarms in 30 stable days");
        // Wald: (ln(ARL0·KL(q0‖q1)) − 1) / KL(q1‖q0) ≈ 370 judged verdicts for 5.62% -> 10.48%.
        Assert.InRange(delays[100], 250, 550);
        Assert.True(delays[^1] < 5000, "every jump detected");
    }

    private static bool Judge(Random random, double trueRate) =>
        random.NextDouble() < trueRate ? random.NextDouble() < 0.85 : random.NextDouble() >= 0.96;
}
