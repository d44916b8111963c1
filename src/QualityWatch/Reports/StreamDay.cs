using QualityWatch.Calibration;
using QualityWatch.Trends;

namespace QualityWatch.Reports;

/// <summary>
/// One stream in a daily report: the day's totals, the day before, the chart history, the worst examples, the
/// prompt_version and model changes inside the chart's days (its deploy markers), the day's changes hour by hour, and
/// the day's rate corrected for judge error with the stream's current calibration.
/// </summary>
internal sealed record StreamDay(
    string Stream,
    TrendBucket Day,
    TrendBucket PreviousDay,
    IReadOnlyList<TrendBucket> Versions,
    IReadOnlyList<(DateOnly Day, TrendBucket Totals)> History,
    IReadOnlyList<WorstExample> Worst,
    string ChartContentId,
    IReadOnlyList<VersionChange> Changes,
    IReadOnlyList<ChangeWindow> AroundChanges,
    CorrectedRateView? Corrected = null)
{
    /// <summary>Day-over-day change of the hallucination rate in percentage points; null when either day has no verdicts.</summary>
    /// <summary>The corrected rate as one line, with the calibration it came from; empty when the day has no verdicts.</summary>
    public string CorrectedText => Corrected is null || Day.Judged == 0
        ? ""
        : CorrectedRateText.Of(Corrected) + (Corrected.Rate is null ? "" : $" ({CorrectedRateText.Source(Corrected)})");

    public double? RateChangePoints => Day.HallucinationRate is { } today && PreviousDay.HallucinationRate is { } before ? (today - before) * 100 : null;
}
