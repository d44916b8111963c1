using QualityWatch.Statistics;

namespace QualityWatch.Tests.Statistics;

/// <summary>Calibration from stratified labels and the Rogan–Gladen corrected rate with its interval.</summary>
public sealed class CorrectedRateTests
{
    // A judge with sensitivity 0.85 and specificity 0.96 on a true 2% stream judges 5.62% of it.
    private const double TrueRate = 0.02, Sensitivity = 0.85, Specificity = 0.96;
    private const double JudgedRate = (TrueRate * Sensitivity) + ((1 - TrueRate) * (1 - Specificity));

    [Fact]
    public void Calibration_FromStratifiedLabels_RecoversSensitivityAndSpecificity()
    {
        // 500 labels per stratum at their expected truth rates: PPV 0.3025, false omission 0.0032.
        var labels = new JudgeLabelCounts(TruePositives: 151, FalsePositives: 349, TrueNegatives: 498, FalseNegatives: 2);

        var calibration = JudgeCalibration.From(labels, judgedPositive: 5620, judged: 100_000);

        Assert.Null(calibration.NotIdentifiable);
        Assert.InRange(Sensitivity, calibration.Sensitivity.Lower, calibration.Sensitivity.Upper);
        Assert.InRange(Specificity, calibration.Specificity.Lower, calibration.Specificity.Upper);
        Assert.InRange(calibration.Specificity.Value, 0.955, 0.965);
        // Raw counts would say specificity 498/847 = 0.59: the strata must be weighted back.
        Assert.True(calibration.Specificity.Lower > 0.9);
        Assert.InRange(calibration.Kappa, 0.3, 0.6);
    }

    [Fact]
    public void CorrectedRate_UndoesJudgeError_WhereTheJudgedIntervalMissesTheTruth()
    {
        var calibration = JudgeCalibration.From(new JudgeLabelCounts(151, 349, 498, 2), 5620, 100_000);
        var judged = 2400;
        var hallucinations = (long)Math.Round(JudgedRate * judged);

        var (rate, reason) = CorrectedRate.For(hallucinations, judged, calibration);

        Assert.Null(reason);
        Assert.NotNull(rate);
        Assert.InRange(rate.Value.Value, 0.015, 0.025);
        Assert.InRange(TrueRate, rate.Value.Lower, rate.Value.Upper);
        var wilson = WilsonInterval.For(hallucinations, judged);
        Assert.True(wilson.Lower > TrueRate, "the judged rate's own interval should exclude the true rate");
    }

    [Fact]
    public void CorrectedRate_IsReproducible()
    {
        var calibration = JudgeCalibration.From(new JudgeLabelCounts(30, 20, 45, 5), 300, 5000);

        Assert.Equal(CorrectedRate.For(40, 700, calibration), CorrectedRate.For(40, 700, JudgeCalibration.From(new JudgeLabelCounts(30, 20, 45, 5), 300, 5000)));
    }

    [Theory]
    [InlineData(10, 10, 10, 5, "too few labels")]
    [InlineData(5, 0, 60, 0, "too few labels in a stratum")]
    [InlineData(0, 30, 30, 0, "no reviewed sample was a hallucination")]
    [InlineData(10, 40, 38, 12, "no better than chance")]
    public void Calibration_SaysWhyItCannotCorrect(long tp, long fp, long tn, long fn, string reason)
    {
        var calibration = JudgeCalibration.From(new JudgeLabelCounts(tp, fp, tn, fn), 500, 1000);

        var (rate, why) = CorrectedRate.For(10, 100, calibration);

        Assert.Null(rate);
        Assert.Contains(reason, why, StringComparison.Ordinal);
    }

    [Fact]
    public void CorrectedInterval_CoversTheTrueRate_OverSimulatedDays()
    {
        // 300 days, each with its own 200 stratified labels from a 14-day pool and 2,400 verdicts:
        // the bench's calibration-coverage verb runs the 1,000-day version of this.
        var covered = CoverageSimulation.Run(days: 300, labels: 200, seed: 11);

        Assert.True(covered.Corrected >= 0.90, $"corrected interval covered {covered.Corrected:P1} of days");
        Assert.True(covered.Judged < 0.10, $"judged interval covered {covered.Judged:P1} of days");
    }
}
