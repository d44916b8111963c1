using QualityWatch.Trends;
using ScottPlot;

namespace QualityWatch.WebConsole;

/// <summary>
/// The alert page's two charts. Both y axes start at 0 (or below the lowest value): fitted to the data alone, a rate
/// or statistic that sat above its threshold all along drew an axis starting at the threshold, and a glance read the
/// alert's level as the chart's floor.
/// </summary>
internal static class AlertCharts
{
    /// <summary>Hourly hallucination rate (%) with its Wilson band and the rule's threshold; null with no judged hour.</summary>
    public static string? Rate(ConsoleClock clock, IReadOnlyList<TrendBucket> hours, double? threshold, IReadOnlyList<VersionChange>? changes = null)
    {
        if (hours.Count == 0)
        {
            return null;
        }

        return ConsoleChart.TimeSeries(plot =>
        {
            double[] xs = [.. hours.Select(b => ConsoleChart.X(clock, DateTimeOffset.FromUnixTimeMilliseconds(b.BucketStart)))];
            double[] lower = [.. hours.Select(b => b.HallucinationInterval.Lower * 100)];
            double[] upper = [.. hours.Select(b => b.HallucinationInterval.Upper * 100)];
            var band = plot.Add.FillY(xs, lower, upper);
            band.FillColor = Colors.SteelBlue.WithAlpha(0.25);
            band.LineColor = Colors.Transparent;
            var line = plot.Add.Scatter(xs, [.. hours.Select(b => b.HallucinationRate!.Value * 100)]);
            line.LegendText = "hallucination rate %";
            line.Color = Colors.SteelBlue;
            if (threshold is { } t)
            {
                var limit = plot.Add.HorizontalLine(t * 100);
                limit.LinePattern = LinePattern.Dashed;
                limit.Color = Colors.Crimson;
                limit.LegendText = "threshold";
            }

            ConsoleChart.MarkChanges(plot, clock, changes ?? []);
            FromZero(plot, lower.Concat(upper), threshold * 100);
            plot.YLabel("%");
        }, hours: true);
    }

    /// <summary>The statistic at each transition and notification (CUSUM path or SPRT ratio, or the rule's value) against its level; <paramref name="changes"/> are marked as drawn.</summary>
    public static string? Statistic(ConsoleClock clock, IReadOnlyList<AlertPoint> timeline, IReadOnlyList<VersionChange>? changes = null)
    {
        var points = timeline.Where(p => p.Evidence is { } e && (e.Statistic ?? e.Value) is not null).ToList();
        if (points.Count == 0)
        {
            return null;
        }

        var cusum = points.Any(p => p.Evidence!.Statistic is not null);
        return ConsoleChart.TimeSeries(plot =>
        {
            double[] xs = [.. points.Select(p => ConsoleChart.X(clock, p.At))];
            double[] ys = [.. points.Select(p => cusum ? p.Evidence!.Statistic ?? 0 : p.Evidence!.Value ?? 0)];
            var line = plot.Add.Scatter(xs, ys);
            line.LegendText = cusum ? "statistic" : "value";
            var level = points.Select(p => cusum ? p.Evidence!.AlarmLevel : p.Evidence!.Threshold).LastOrDefault(l => l is not null);
            if (level is { } l)
            {
                var limit = plot.Add.HorizontalLine(l);
                limit.LinePattern = LinePattern.Dashed;
                limit.Color = Colors.Crimson;
                limit.LegendText = cusum ? "alarm level" : "threshold";
            }

            ConsoleChart.MarkChanges(plot, clock, changes ?? []);
            FromZero(plot, ys, level);
        }, hours: true);
    }

    /// <summary>y from 0 (or the lowest value, if negative: an SPRT ratio can be) to the highest value or level, plus a margin.</summary>
    private static void FromZero(Plot plot, IEnumerable<double> values, double? level)
    {
        var all = values.Append(level ?? 0).Append(0).ToList();
        var (bottom, top) = (all.Min(), all.Max());
        var margin = top > bottom ? (top - bottom) * 0.08 : 1;
        // A rule, not SetLimitsY: the render autoscales every axis when the (date) x axis has no limits set yet.
        plot.Axes.Rules.Add(new ScottPlot.AxisRules.LockedVertical(plot.Axes.Left, bottom < 0 ? bottom - margin : 0, top + margin));
    }
}
