using System.Globalization;
using QualityWatch.Trends;
using ScottPlot;
using ScottPlot.TickGenerators;

namespace QualityWatch.WebConsole;

/// <summary>
/// Draws a chart on the server with ScottPlot as SVG, inlined into the page: no script, readable without it.
/// Time axes are in the console's zone with ISO labels (never US-style dates).
/// </summary>
internal static class ConsoleChart
{
    public const int DefaultWidth = 900;
    public const int DefaultHeight = 280;

    /// <summary>Renders what <paramref name="draw"/> adds; the x axis holds local times as OLE dates (see <see cref="X"/>).</summary>
    public static string TimeSeries(Action<Plot> draw, bool hours, int width = DefaultWidth, int height = DefaultHeight)
    {
        using var plot = new Plot();
        draw(plot);
        var axis = plot.Axes.DateTimeTicksBottom();
        axis.TickGenerator = new DateTimeAutomatic
        {
            LabelFormatter = hours
                ? t => t.ToString(t.TimeOfDay == TimeSpan.Zero ? "yyyy-MM-dd" : "MM-dd HH:mm", CultureInfo.InvariantCulture)
                : t => t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        };
        Style(plot);
        return plot.GetSvgXml(width, height);
    }

    /// <summary>Renders a chart whose axes <paramref name="draw"/> sets up itself (histograms, bars).</summary>
    public static string Plain(Action<Plot> draw, int width = DefaultWidth, int height = DefaultHeight)
    {
        using var plot = new Plot();
        draw(plot);
        Style(plot);
        return plot.GetSvgXml(width, height);
    }

    /// <summary>An instant as an x coordinate: its local wall time in <paramref name="clock"/>'s zone.</summary>
    public static double X(ConsoleClock clock, DateTimeOffset instant) => clock.Local(instant).DateTime.ToOADate();

    /// <summary>
    /// Deploy markers: a dotted line at each new prompt_version (orange) or model (purple) at its first-seen time,
    /// labelled with the new value above the plot.
    /// </summary>
    public static void MarkChanges(Plot plot, ConsoleClock clock, IEnumerable<VersionChange> changes)
    {
        ArgumentNullException.ThrowIfNull(plot);
        foreach (var change in changes)
        {
            // Room above the plot for the labels, which would otherwise be cut at the image's top edge.
            plot.Axes.Top.MinimumSize = 26;
            var marker = plot.Add.VerticalLine(X(clock, change.FirstSeen));
            marker.Color = change.Dimension == "model" ? Colors.Purple : Colors.DarkOrange;
            marker.LinePattern = LinePattern.Dotted;
            marker.LineWidth = 1.5f;
            marker.LabelText = change.Value;
            marker.LabelOppositeAxis = true;
            marker.LabelFontColor = marker.Color;
            marker.LabelBackgroundColor = Colors.White;
        }
    }

    /// <summary>The markers as a chart's accessible name says them: <c>; marked: prompt_version v1 → v2</c>.</summary>
    public static string Marked(IEnumerable<VersionChange> changes) =>
        changes.Any() ? "; marked: " + string.Join(", ", changes.Select(c => c.Label)) : "";

    private static void Style(Plot plot)
    {
        // Dark text on white: the chart passes the same contrast check as the page around it.
        plot.FigureBackground.Color = Colors.White;
        plot.Axes.Color(Color.FromHex("#1b1f24"));
        plot.Grid.MajorLineColor = Color.FromHex("#d0d7de");
        plot.Legend.Alignment = Alignment.UpperLeft;
    }
}
