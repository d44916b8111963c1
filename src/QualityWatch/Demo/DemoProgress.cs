using System.Globalization;

namespace QualityWatch.Demo;

/// <summary>
/// The demo's console output: a live line redrawn in place on a terminal, one plain line per
/// simulated hour when output is redirected (CI logs, pipes).
/// </summary>
internal sealed class DemoProgress(TextWriter output, bool interactive)
{
    private int lastWidth;
    private DateTimeOffset? lastLineHour;

    /// <summary>Shows the progress; once traffic has ended (<paramref name="draining"/>) a log gets only the final line.</summary>
    public void Show(DateTimeOffset now, DemoTotals totals, string version, IReadOnlyList<DemoAlert> firing, bool draining = false)
    {
        var line = Line(now, totals, version, firing);
        if (interactive)
        {
            output.Write('\r' + line.PadRight(lastWidth));
            lastWidth = line.Length;
            return;
        }

        if (draining)
        {
            return;
        }

        var hour = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, 0, 0, TimeSpan.Zero);
        if (lastLineHour != hour)
        {
            lastLineHour = hour;
            output.WriteLine(line);
        }
    }

    /// <summary>Shows the final state once more and ends the line so what follows starts on its own line.</summary>
    public void Finish(DateTimeOffset now, DemoTotals totals, string version, IReadOnlyList<DemoAlert> firing)
    {
        lastLineHour = null;
        Show(now, totals, version, firing);
        if (interactive)
        {
            output.WriteLine();
            lastWidth = 0;
        }
    }

    public static string Line(DateTimeOffset now, DemoTotals totals, string version, IReadOnlyList<DemoAlert> firing)
    {
        var rate = totals.RecentRate is { } r ? r.ToString("P1", CultureInfo.InvariantCulture) : "-";
        var alerts = firing.Count == 0 ? "none" : string.Join(", ", firing.Select(a => a.Rule).Distinct(StringComparer.Ordinal));
        return string.Create(
            CultureInfo.InvariantCulture,
            $"[{now.UtcDateTime:yyyy-MM-dd HH:mm}Z] {version} | interactions {totals.Interactions,7:N0} | samples {totals.Sampled,5:N0} | verdicts {totals.Judged,5:N0} | rate (2h) {rate,6} | alerts fired: {alerts}");
    }
}
