namespace QualityWatch.Statistics;

/// <summary>
/// The prediction-powered estimate (PPI++, Angelopoulos et al. 2023) of the true hallucination rate of the
/// judged population the labels were drawn from. The review draw is stratified by the judge's answer, with the
/// strata's sizes known exactly, so this is stratified PPI: within a stratum the judge's answer is constant and
/// PPI++'s rectifier Σ(Y − λf) leaves the labels' own mean for every λ, hence the estimate
/// θ̂ = W₁·(TP / n₁) + W₀·(FN / n₀) with W the strata's shares of the verdicts. Its 95% interval is the
/// percentile interval of the same sum over Jeffreys posterior draws of each stratum's truth rate: the CLT
/// interval of PPI breaks down in the judged-no stratum, whose hallucinations are few or none.
/// Derivation and coverage: docs/statistics.md, "Prediction-powered estimate".
/// </summary>
internal static class PredictionPoweredRate
{
    public const string Method = "prediction-powered, stratified by the judge's answer";

    /// <summary>The true rate among <paramref name="judged"/> verdicts (<paramref name="judgedPositive"/> said hallucination) from <paramref name="labels"/>; null with a reason when it cannot be given.</summary>
    public static (Estimate? Rate, string? NotIdentifiable) For(JudgeLabelCounts labels, long judgedPositive, long judged)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(judgedPositive);
        ArgumentOutOfRangeException.ThrowIfLessThan(judged, judgedPositive);
        if (judged == 0)
        {
            return (null, "no verdicts");
        }

        var positiveShare = (double)judgedPositive / judged;

        // An empty stratum needs no labels; a stratum with verdicts but no labels leaves its truth unknown.
        if ((judgedPositive > 0 && labels.JudgedPositive < JudgeCalibration.MinimumPerStratum)
            || (judged > judgedPositive && labels.JudgedNegative < JudgeCalibration.MinimumPerStratum))
        {
            return (null, $"too few labels in a stratum: {labels.JudgedPositive} judged-yes and {labels.JudgedNegative} judged-no, {JudgeCalibration.MinimumPerStratum} of each needed");
        }

        var yes = labels.JudgedPositive == 0 ? 0 : (double)labels.TruePositives / labels.JudgedPositive;
        var no = labels.JudgedNegative == 0 ? 0 : (double)labels.FalseNegatives / labels.JudgedNegative;
        var point = (positiveShare * yes) + ((1 - positiveShare) * no);

        // Salted, so these draws are not the calibration's own.
        var random = new BetaDraws(StableSeed.Of(labels.TruePositives, labels.FalsePositives, labels.TrueNegatives, labels.FalseNegatives, judgedPositive, judged, 2));
        var draws = new double[JudgeCalibration.Draws];
        for (var i = 0; i < draws.Length; i++)
        {
            var drawYes = positiveShare > 0 ? random.Jeffreys(labels.TruePositives, labels.JudgedPositive) : 0;
            var drawNo = positiveShare < 1 ? random.Jeffreys(labels.FalseNegatives, labels.JudgedNegative) : 0;
            draws[i] = (positiveShare * drawYes) + ((1 - positiveShare) * drawNo);
        }

        var lower = JudgeCalibration.Quantile(draws, 0.025);
        var upper = JudgeCalibration.Quantile(draws, 0.975);
        return (new Estimate(point, Math.Min(lower, point), Math.Max(upper, point)), null);
    }
}
