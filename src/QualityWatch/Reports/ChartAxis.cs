using System.Globalization;
using QualityWatch.Trends;

namespace QualityWatch.Reports;

/// <summary>
/// The day axis of a trend chart, readable at a glance: it spans only the days that have something to show
/// (the first verdict or change in the window to the reported day, at least <see cref="MinDays"/>), so two
/// points do not sit at the end of an empty fortnight; ticks are ISO dates, at most <see cref="MaxTicks"/>,
/// counted back from the last day so the reported day is always labelled; and half a day of margin
/// either side keeps the first and last labels inside the image.
/// </summary>
internal sealed record ChartAxis(DateOnly First, DateOnly Last, IReadOnlyList<(DateOnly Day, string Label)> Ticks)
{
    public const int MinDays = 3;
    public const int MaxTicks = 7;

    /// <summary>Margin either side of the first and last day, in days.</summary>
    public const double Margin = 0.75;

    public static ChartAxis For(IReadOnlyList<(DateOnly Day, TrendBucket Totals)> history, IEnumerable<DateOnly> changeDays)
    {
        var last = history[^1].Day;
        var earliest = history.Where(h => h.Totals.Judged > 0).Select(h => h.Day).Concat(changeDays.Where(d => d >= history[0].Day))
            .DefaultIfEmpty(last).Min();
        var first = Min(earliest, last.AddDays(1 - MinDays));
        if (first < history[0].Day)
        {
            first = history[0].Day;
        }

        var days = last.DayNumber - first.DayNumber + 1;
        var stride = (days + MaxTicks - 1) / MaxTicks;
        var ticks = new List<(DateOnly, string)>();
        for (var d = last; d >= first; d = d.AddDays(-stride))
        {
            ticks.Insert(0, (d, d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        }

        return new ChartAxis(first, last, ticks);
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
}
