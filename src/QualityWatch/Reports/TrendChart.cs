using System.Globalization;
using ScottPlot;
using QualityWatch.Trends;

namespace QualityWatch.Reports;

/// <summary>
/// The report's chart: daily hallucination rate with its 95% Wilson band, the threshold line, and a marker at
/// each prompt_version or model change, as PNG (mail clients show PNG, not SVG). The day axis is <see cref="ChartAxis"/>'s.
/// </summary>
internal static class TrendChart
{
    public const int Width = 800;
    public const int Height = 320;

    public static byte[] Render(
        string stream, IReadOnlyList<(DateOnly Day, TrendBucket Totals)> history, double threshold, IReadOnlyList<VersionChange> changes, TrendCalendar calendar)
    {
        var axis = ChartAxis.For(history, changes.Select(c => calendar.DayOf(c.FirstSeen)));
        var plot = new Plot();
        try
        {
            // Days without verdicts have no rate: they are gaps, not zeros.
            var judged = history.Where(h => h.Totals.Judged > 0 && h.Day >= axis.First).ToList();
            var xs = judged.Select(h => X(h.Day)).ToArray();
            if (judged.Count > 0)
            {
                var band = plot.Add.FillY(xs, [.. judged.Select(h => h.Totals.HallucinationInterval.Lower * 100)], [.. judged.Select(h => h.Totals.HallucinationInterval.Upper * 100)]);
                band.FillColor = Colors.SteelBlue.WithAlpha(0.25);
                band.LineColor = Colors.Transparent;
                var line = plot.Add.Scatter(xs, [.. judged.Select(h => h.Totals.HallucinationRate!.Value * 100)]);
                line.Color = Colors.SteelBlue;
                line.LineWidth = 2;
                line.MarkerSize = 6;
                line.LegendText = "hallucination rate";
            }

            var limit = plot.Add.HorizontalLine(threshold * 100);
            limit.Color = Colors.Crimson;
            limit.LinePattern = LinePattern.Dashed;
            limit.LegendText = "threshold " + (threshold * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";

            var top = Math.Max(judged.Count == 0 ? 0 : judged.Max(h => h.Totals.HallucinationInterval.Upper * 100), threshold * 100 * 2) * 1.05;
            foreach (var change in changes.Where(c => calendar.DayOf(c.FirstSeen) >= axis.First))
            {
                // A day's point sits at its local noon, the middle of what it counts; a change at its local time of day.
                var local = TimeZoneInfo.ConvertTime(change.FirstSeen, calendar.Zone);
                var x = X(DateOnly.FromDateTime(local.DateTime)) - 0.5 + local.TimeOfDay.TotalDays;
                var marker = plot.Add.VerticalLine(x);
                marker.Color = Colors.DarkOrange;
                marker.LineWidth = 1.5f;
                marker.LinePattern = LinePattern.Dotted;
                var text = plot.Add.Text(change.Value, x, top * 0.93);
                text.LabelFontSize = 11;
                text.LabelFontColor = Colors.DarkOrange;
            }

            plot.Legend.Alignment = Alignment.UpperLeft;
            plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
                [.. axis.Ticks.Select(t => X(t.Day))], [.. axis.Ticks.Select(t => t.Label)]);
            plot.Axes.SetLimitsX(X(axis.First) - ChartAxis.Margin, X(axis.Last) + ChartAxis.Margin);
            plot.Axes.SetLimitsY(0, top);
            plot.Title($"{stream}: hallucination rate per day (95% interval)");
            plot.YLabel("%");
            return plot.GetImageBytes(Width, Height, ImageFormat.Png);
        }
        finally
        {
            plot.Dispose();
        }
    }

    private static double X(DateOnly day) => day.ToDateTime(new TimeOnly(12, 0)).ToOADate();
}
