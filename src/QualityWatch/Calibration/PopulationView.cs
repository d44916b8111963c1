namespace QualityWatch.Calibration;

/// <summary>
/// The verdicts the labels were drawn from and their hallucination rate three ways: as judged, corrected by
/// Rogan–Gladen with this calibration, and the prediction-powered estimate from the labels themselves.
/// </summary>
internal sealed record PopulationView(
    long Judged,
    long JudgedPositive,
    double? JudgedRate,
    EstimateView? Corrected,
    EstimateView? PredictionPowered,
    DateTimeOffset FirstJudgedAt,
    DateTimeOffset LastJudgedAt);
