using System.Globalization;
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

    private static void Style(Plot plot)
    {
        // Dark text on white: the chart passes the same contrast check as the page around it.
        plot.FigureBackground.Color = Colors.White;
        plot.Axes.Color(Color.FromHex("#1b1f24"));
        plot.Grid.MajorLineColor = Color.FromHex("#d0d7de");
        plot.Legend.Alignment = Alignment.UpperLeft;
    }
}
