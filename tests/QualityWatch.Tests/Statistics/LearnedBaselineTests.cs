using QualityWatch.Alerting;
using QualityWatch.Statistics;

namespace QualityWatch.Tests.Statistics;

public sealed class LearnedBaselineTests
{
    [Fact]
    public void Rate_WithoutMargin_IsThePointEstimate_FlooredAtHalfAHallucination()
    {
        Assert.Equal(0.02, LearnedBaseline.Rate(48, 2400, 0), 1e-12);
        Assert.Equal(0.5 / 1000, LearnedBaseline.Rate(0, 1000, 0), 1e-12);
    }

    [Fact]
    public void Rate_WithOneStandardError_IsTheWilsonUpperBound_AndTheMarginShrinksWithHistory()
    {
        var oneDay = LearnedBaseline.Rate(48, 2400, 1);
        var week = LearnedBaseline.Rate(336, 16_800, 1);

        Assert.Equal(WilsonInterval.For(48, 2400, 1).Upper, oneDay, 1e-12);
        // One standard error of 2% over 2,400 verdicts is 0.29 points.
        Assert.InRange(oneDay, 0.0228, 0.0232);
        Assert.InRange(week, 0.0210, oneDay - 0.001);
    }

    [Fact]
    public void Rate_WithoutHistory_IsRefused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => LearnedBaseline.Rate(0, 0, 1));

    [Fact]
    public void LearnedFromOneDay_TheDefaultMarginKeepsTheBudget_WhereThePointEstimateOverspendsIt()
    {
        // A new version a day on a stable 2% stream, judged 2,400 times, its p0 learned from the day before:
        // the service's CusumState and DeployAnchoredSprt at the rule's defaults (1 false alarm per 30 days).
        const int Days = 1500;
        var withMargin = FalseAlarmDays(new AlertRuleOptions(), Days);
        var pointEstimate = FalseAlarmDays(new AlertRuleOptions { BaselineStandardErrors = 0 }, Days);

        // Budget: 50 in 1,500 days. Expected about 22 with the margin, about 80 without it.
        Assert.InRange(withMargin, 1, 37);
        Assert.True(pointEstimate > 55, $"point estimate: {pointEstimate} false alarms in {Days} days");
    }

    private static int FalseAlarmDays(AlertRuleOptions rule, int days)
    {
        const int PerDay = 2400;
        const double Rate = 0.02;
        var random = new Random(11);
        var deploy = DeployAnchoredSprt.For(rule.FalseAlarmsPer30Days, rule.DeployTestShare, rule.VersionsPerDay, rule.DeployTestSamples);
        var arl0 = BernoulliCusum.Arl0Samples(DeployAnchoredSprt.CusumBudget(rule.FalseAlarmsPer30Days, rule.DeployTestShare), PerDay / 24.0);
        var yesterday = Enumerable.Range(0, PerDay).Count(_ => random.NextDouble() < Rate);
        var alarms = 0;
        for (var day = 0; day < days; day++)
        {
            var p0 = LearnedBaseline.Rate(yesterday, PerDay, rule.BaselineStandardErrors);
            var state = new CusumState { BaselineRate = p0, TargetRate = p0 * rule.BaselineMultiplier, DeployOpen = 1 };
            var h = BernoulliCusum.AlarmLevel(arl0, state.BaselineRate, state.TargetRate);
            yesterday = 0;
            for (var i = 0; i < PerDay; i++)
            {
                var hallucinated = random.NextDouble() < Rate;
                yesterday += hallucinated ? 1 : 0;
                state.Add(hallucinated, h, deploy, i);
            }

            alarms += state.Alarms > 0 ? 1 : 0;
        }

        return alarms;
    }
}
