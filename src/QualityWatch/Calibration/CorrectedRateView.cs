namespace QualityWatch.Calibration;

/// <summary>
/// A judged count corrected for judge error: <see cref="Rate"/> (with its method) or, when none can be given,
/// <see cref="Reason"/>. <see cref="Calibration"/> is the calibration used, when there was one.
/// </summary>
internal sealed record CorrectedRateView(EstimateView? Rate, string? Reason, StreamCalibration? Calibration)
{
    public static CorrectedRateView NoVerdicts { get; } = new(null, "no verdicts", null);
}
