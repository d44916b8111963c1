using QualityWatch.Statistics;

namespace QualityWatch.Tests.Statistics;

/// <summary>Neyman's allocation of review labels and the labels a wanted interval width takes (docs/statistics.md, "How many labels").</summary>
public sealed class LabelPlanTests
{
    [Fact]
    public void Strata_OfTheIssuesJudge_OnA2PercentStream()
    {
        var (share, ppv, falseOmission) = LabelPlan.Strata(0.02, 0.85, 0.96);

        Assert.Equal(0.0562, share, 4);
        Assert.Equal(0.3025, ppv, 4);
        Assert.Equal(0.00318, falseOmission, 5);
    }

    [Fact]
    public void NeymanShare_GivesAThirdToJudgedYes_AndNeedsFewerLabelsThanHalfAndHalf()
    {
        var (share, ppv, falseOmission) = LabelPlan.Strata(0.02, 0.85, 0.96);
        var weights = LabelPlan.Weights(share, ppv, falseOmission);

        var yesShare = LabelPlan.YesShare(weights);
        var neyman = LabelPlan.LabelsForWidth(weights, 0.02);
        var half = LabelPlan.LabelsForWidthAtShare(weights, 0.02, yesShare: 0.5);

        // W1σ1 = 0.0562 × √(0.3025 × 0.6975) = 0.0258; W0σ0 = 0.9438 × √(0.00318 × 0.99682) = 0.0532.
        Assert.Equal(0.327, yesShare, 3);
        Assert.InRange(neyman, 238, 241);
        Assert.InRange(half, 267, 270);
        // No share does better than Neyman's.
        foreach (var other in new[] { 0.1, 0.2, 0.3, 0.35, 0.4, 0.6 })
        {
            Assert.True(LabelPlan.LabelsForWidthAtShare(weights, 0.02, other) >= neyman, $"share {other}");
        }
    }

    [Fact]
    public void LabelsForWidth_MatchesTheSpreadOfTheCorrectedEstimate()
    {
        // The planned standard error must be the one the corrected rate actually has: simulate many label sets of the
        // planned size, split by Neyman's share, and compare the spread of π̂ = q·PPV̂ + (1 − q)·FOR̂ with the planned one.
        var (share, ppv, falseOmission) = LabelPlan.Strata(0.02, 0.85, 0.96);
        var weights = LabelPlan.Weights(share, ppv, falseOmission);
        var n = (int)Math.Round(LabelPlan.LabelsForWidth(weights, 0.02));
        var yes = (int)Math.Round(n * LabelPlan.YesShare(weights));
        var random = new Random(7);
        var estimates = new double[4000];
        for (var i = 0; i < estimates.Length; i++)
        {
            var tp = Enumerable.Range(0, yes).Count(_ => random.NextDouble() < ppv);
            var fn = Enumerable.Range(0, n - yes).Count(_ => random.NextDouble() < falseOmission);
            estimates[i] = (share * tp / yes) + ((1 - share) * fn / (n - yes));
        }

        var mean = estimates.Average();
        var sd = Math.Sqrt(estimates.Sum(e => (e - mean) * (e - mean)) / (estimates.Length - 1));
        Assert.InRange(2 * 1.959964 * sd, 0.018, 0.022);
    }

    [Fact]
    public void WeightsFor_UsesLabelsOnceBothStrataHaveTheFloor_ThePlanningJudgeBefore()
    {
        var few = new JudgeLabelCounts(TruePositives: 3, FalsePositives: 2, TrueNegatives: 5, FalseNegatives: 0);
        var many = new JudgeLabelCounts(TruePositives: 30, FalsePositives: 20, TrueNegatives: 48, FalseNegatives: 2);

        var planned = LabelPlan.WeightsFor(few, 0.0562, floor: 20);
        var learned = LabelPlan.WeightsFor(many, 0.0562, floor: 20);

        Assert.Equal(LabelPlan.Weights(0.0562, 0.3025, 0.00318).Yes, planned.Yes, 3);
        Assert.Equal(LabelPlan.Weights(0.0562, 30.5 / 51, 2.5 / 51).No, learned.No, 6);
    }
}
