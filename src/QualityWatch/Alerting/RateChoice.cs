using QualityWatch.Calibration;

namespace QualityWatch.Alerting;

/// <summary>
/// Which rate a rule compares for one stream, and with which calibration. <see cref="Calibration"/> is set only for
/// the corrected rate; <see cref="Unavailable"/> says why a rule that asked for the corrected rate has none (the rule
/// then reports insufficient data), or, unset, why the default fell back to the judged rate.
/// </summary>
internal sealed record RateChoice(string Rate, StreamCalibration? Calibration, string? Unavailable)
{
    public static RateChoice For(AlertRuleOptions rule, StreamCalibrations calibrations)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(calibrations);
        if (rule.Rate == RateBases.Judged)
        {
            return new RateChoice(RateBases.Judged, null, null);
        }

        var current = calibrations.Current;
        var reason = current is null
            ? "no verdicts to calibrate"
            : current.Calibration.NotIdentifiable is { } why ? $"no usable calibration for judge {current.JudgeModel}, rubric {current.RubricVersion}: {why}" : null;
        if (reason is null)
        {
            return new RateChoice(RateBases.Corrected, current, null);
        }

        // Asked for explicitly, a corrected rate that cannot be given is missing data, not permission to page on the judged one.
        return rule.Rate == RateBases.Corrected ? new RateChoice(RateBases.Corrected, null, reason) : new RateChoice(RateBases.Judged, null, reason);
    }

    public EvidenceCalibration? Evidence => Calibration is null ? null : EvidenceCalibration.Of(Calibration);
}
