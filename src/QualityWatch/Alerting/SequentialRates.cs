using QualityWatch.Statistics;

namespace QualityWatch.Alerting;

/// <summary>
/// p0 and p1 of a sequential rule on the scale its data are on: judged 0/1 verdicts. On the judged rate they are
/// used as configured (or learned). On the corrected rate BaselineRate, TargetRate and BaselineMultiplier speak of
/// true rates π, and a judge of sensitivity Se and specificity Sp turns a true jump π0 → π1 into the judged jump
/// q = π·Se + (1 − π)(1 − Sp): smaller by the factor Se + Sp − 1, from a higher start. Tuning the CUSUM and the
/// deploy SPRT to q0 → q1 keeps their designed detection of the true jump. Derivation: docs/statistics.md,
/// "A judge that errs: the sequential tests on the judged scale".
/// </summary>
internal static class SequentialRates
{
    /// <summary>
    /// The judged-scale (p0, p1) and a line saying where they came from. <paramref name="learnedJudged"/> is a p0 the
    /// rule learned from verdicts (so already judged-scale), null when BaselineRate is configured.
    /// </summary>
    public static (double P0, double P1, string Source) For(AlertRuleOptions rule, double? learnedJudged, string source, EvidenceCalibration? calibration)
    {
        ArgumentNullException.ThrowIfNull(rule);
        if (calibration is null)
        {
            var p0 = learnedJudged ?? rule.BaselineRate!.Value;
            return (p0, Shift(rule, p0), source);
        }

        var (se, sp) = (calibration.Sensitivity, calibration.Specificity);
        var q0 = learnedJudged ?? CorrectedRate.Judged(rule.BaselineRate!.Value, se, sp);
        var pi0 = learnedJudged is null ? rule.BaselineRate!.Value : CorrectedRate.RoganGladen(q0, se, sp);
        var pi1 = Shift(rule, pi0);
        var q1 = CorrectedRate.Judged(pi1, se, sp);
        if (pi0 <= 0 || q1 <= q0)
        {
            // A judged baseline at or below the judge's false-positive rate has a true rate of 0, which no multiplier moves.
            var judgedShift = Shift(rule, q0);
            return (q0, judgedShift, $"{source}; corrected rate asked, but the baseline's true rate is 0 ({calibration}), so the shift is set on the judged scale");
        }

        return (q0, q1, $"{source}; true {Durations.Percent(pi0)} -> {Durations.Percent(pi1)} is judged {Durations.Percent(q0)} -> {Durations.Percent(q1)} ({calibration})");
    }

    /// <summary>p1: TargetRate when above p0, else p0 × BaselineMultiplier (at most 0.99).</summary>
    private static double Shift(AlertRuleOptions rule, double p0) =>
        rule.TargetRate is { } target && target > p0 ? target : Math.Min(0.99, p0 * rule.BaselineMultiplier);
}
