namespace QualityWatch.Statistics;

/// <summary>
/// The hallucination rate corrected for judge error: the Rogan–Gladen estimate
/// (p̂ + Sp − 1) / (Se + Sp − 1), clamped to [0, 1], with a 95% interval that carries both the sampling
/// uncertainty of the judged rate and the calibration's: the percentiles of the estimate over joint
/// posterior draws of p, Se and Sp. Derivation and coverage: docs/statistics.md, "The corrected rate".
/// </summary>
internal static class CorrectedRate
{
    public const string Method = "rogan-gladen, beta-posterior bootstrap";

    /// <summary>Share of posterior draws allowed to have Se + Sp ≤ 1 before the interval is refused.</summary>
    private const double MaxUnidentifiedDraws = 0.025;

    /// <summary>The corrected rate of <paramref name="hallucinations"/> judged of <paramref name="judged"/>; null with a reason when it cannot be given.</summary>
    public static (Estimate? Rate, string? NotIdentifiable) For(long hallucinations, long judged, JudgeCalibration calibration)
    {
        ArgumentNullException.ThrowIfNull(calibration);
        ArgumentOutOfRangeException.ThrowIfNegative(hallucinations);
        ArgumentOutOfRangeException.ThrowIfLessThan(judged, hallucinations);
        if (calibration.NotIdentifiable is { } reason)
        {
            return (null, reason);
        }

        if (judged == 0)
        {
            return (null, "no verdicts");
        }

        var point = RoganGladen((double)hallucinations / judged, calibration.Sensitivity.Value, calibration.Specificity.Value);
        var random = new BetaDraws(StableSeed.Of(hallucinations, judged, calibration.Labels.Total, calibration.Judged));
        var posterior = calibration.Posterior;
        var draws = new List<double>(posterior.Count);
        var unidentified = 0;
        foreach (var (sensitivity, specificity) in posterior)
        {
            var judgedRate = random.Jeffreys(hallucinations, judged);
            if (sensitivity + specificity <= 1)
            {
                unidentified++;
                continue;
            }

            draws.Add(RoganGladen(judgedRate, sensitivity, specificity));
        }

        if (unidentified > MaxUnidentifiedDraws * posterior.Count)
        {
            return (null, $"the calibration is too uncertain: sensitivity + specificity ≤ 1 in {100.0 * unidentified / posterior.Count:0.#}% of its posterior");
        }

        var lower = JudgeCalibration.Quantile(draws, 0.025);
        var upper = JudgeCalibration.Quantile(draws, 0.975);
        return (new Estimate(point, Math.Min(lower, point), Math.Max(upper, point)), null);
    }

    /// <summary>The rate a judge with <paramref name="sensitivity"/> and <paramref name="specificity"/> reports on a true rate: q = π·Se + (1 − π)(1 − Sp).</summary>
    public static double Judged(double trueRate, double sensitivity, double specificity) =>
        (trueRate * sensitivity) + ((1 - trueRate) * (1 - specificity));

    public static double RoganGladen(double judgedRate, double sensitivity, double specificity) =>
        Math.Clamp((judgedRate + specificity - 1) / (sensitivity + specificity - 1), 0, 1);
}
