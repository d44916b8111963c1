using QualityWatch.Trends;

namespace QualityWatch.Reports;

/// <summary>One stream in a daily report: the day's totals, the day before, the chart history and the worst examples.</summary>
public sealed record StreamDay(
    string Stream,
    TrendBucket Day,
    TrendBucket PreviousDay,
    IReadOnlyList<TrendBucket> Versions,
    IReadOnlyList<(DateOnly Day, TrendBucket Totals)> History,
    IReadOnlyList<WorstExample> Worst,
    string ChartContentId)
{
    /// <summary>Day-over-day change of the hallucination rate in percentage points; null when either day has no verdicts.</summary>
    public double? RateChangePoints => Day.HallucinationRate is { } today && PreviousDay.HallucinationRate is { } before ? (today - before) * 100 : null;
}
