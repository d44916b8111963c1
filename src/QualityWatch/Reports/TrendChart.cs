using System.Globalization;
using ScottPlot;
using QualityWatch.Trends;

namespace QualityWatch.Reports;

/// <summary>The report's chart: daily hallucination rate with its 95% Wilson band and the threshold line, as PNG.</summary>
public static class TrendChart
{
    public const int Width = 800;
    public const int Height = 320;

    public static byte[] Render(string stream, IReadOnlyList<(DateOnly Day, TrendBucket Totals)> history, double threshold)
    {
        var plot = new Plot();
        try
        {
            // Days without verdicts have no rate: they are gaps, not zeros.
            var judged = history.Where(h => h.Totals.Judged > 0).ToList();
            var xs = judged.Select(h => h.Day.ToDateTime(TimeOnly.MinValue).ToOADate()).ToArray();
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

            plot.Legend.Alignment = Alignment.UpperLeft;
            plot.Axes.DateTimeTicksBottom();
            plot.Axes.SetLimitsX(history[0].Day.AddDays(-1).ToDateTime(TimeOnly.MinValue).ToOADate(), history[^1].Day.AddDays(1).ToDateTime(TimeOnly.MinValue).ToOADate());
            var top = judged.Count == 0 ? 0 : judged.Max(h => h.Totals.HallucinationInterval.Upper * 100);
            plot.Axes.SetLimitsY(0, Math.Max(top, threshold * 100 * 2) * 1.05);
            plot.Title($"{stream}: hallucination rate per day (95% interval)");
            plot.YLabel("%");
            return plot.GetImageBytes(Width, Height, ImageFormat.Png);
        }
        finally
        {
            plot.Dispose();
        }
    }
}
