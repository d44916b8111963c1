using QualityWatch.Statistics;

namespace QualityWatch.Tests.Statistics;

/// <summary>The stratified prediction-powered estimate of the true rate of the labels' population.</summary>
public sealed class PredictionPoweredRateTests
{
    [Fact]
    public void Estimate_WeightsEachStratumsTruthRateByItsShareOfTheVerdicts()
    {
        // 100,000 verdicts, 5,620 judged yes; labels say 30.25% of judged-yes and 0.4% of judged-no are true.
        var (rate, reason) = PredictionPoweredRate.For(new JudgeLabelCounts(121, 279, 498, 2), judgedPositive: 5620, judged: 100_000);

        Assert.Null(reason);
        Assert.Equal((0.0562 * 121 / 400) + (0.9438 * 2 / 500), rate!.Value.Value, 9);
        Assert.InRange(0.02, rate.Value.Lower, rate.Value.Upper);
        Assert.True(rate.Value.Upper - rate.Value.Lower < 0.02, $"interval {rate.Value.Lower:0.0000}–{rate.Value.Upper:0.0000}");
    }

    [Fact]
    public void Estimate_TooFewLabelsInAStratum_IsRefused()
    {
        var (rate, reason) = PredictionPoweredRate.For(new JudgeLabelCounts(5, 3, 60, 0), judgedPositive: 500, judged: 10_000);

        Assert.Null(rate);
        Assert.Contains("too few labels in a stratum", reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(100)]
    [InlineData(200)]
    [InlineData(500)]
    public void Interval_CoversTheTruePopulationRate_OverSimulatedPopulations(int labels)
    {
        // A 0.85 / 0.96 judge on 20,000 verdicts of a 2% stream; labels half per stratum, uniform within it,
        // as the review draw takes them. The target is the population's own true rate.
        const int runs = 300, population = 20_000;
        var random = new Random(labels);
        var covered = 0;
        for (var run = 0; run < runs; run++)
        {
            var positives = new List<bool>();
            var negatives = new List<bool>();
            for (var i = 0; i < population; i++)
            {
                var isTrue = random.NextDouble() < 0.02;
                var judged = isTrue ? random.NextDouble() < 0.85 : random.NextDouble() >= 0.96;
                (judged ? positives : negatives).Add(isTrue);
            }

            var truth = (double)(positives.Count(t => t) + negatives.Count(t => t)) / population;
            var half = labels / 2;
            var tp = positives.OrderBy(_ => random.Next()).Take(half).Count(t => t);
            var fn = negatives.OrderBy(_ => random.Next()).Take(labels - half).Count(t => t);

            var (rate, _) = PredictionPoweredRate.For(new JudgeLabelCounts(tp, half - tp, labels - half - fn, fn), positives.Count, population);

            covered += rate is { } r && r.Lower <= truth && truth <= r.Upper ? 1 : 0;
        }

        Assert.True(covered >= 0.93 * runs, $"covered {covered} of {runs} populations with {labels} labels");
    }
}
