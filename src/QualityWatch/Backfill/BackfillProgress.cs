using System.Globalization;

namespace QualityWatch.Backfill;

/// <summary>
/// Done / total, rate, ETA and spend: redrawn in place on a terminal, or as a plain line every
/// Backfill:ProgressInterval when output is redirected (a log file wants lines, not carriage returns).
/// </summary>
internal sealed class BackfillProgress(TextWriter output, bool interactive, TimeProvider time, TimeSpan plainEvery, long total)
{
    private static readonly TimeSpan RedrawEvery = TimeSpan.FromMilliseconds(200);
    private readonly DateTimeOffset started = time.GetUtcNow();
    private DateTimeOffset lastShown = DateTimeOffset.MinValue;
    private int lastLength;

    public void Report(long done, double spentUsd, bool final = false)
    {
        var now = time.GetUtcNow();
        if (!final && now - lastShown < (interactive ? RedrawEvery : plainEvery))
        {
            return;
        }

        lastShown = now;
        var line = Line(done, spentUsd, now - started);
        if (interactive)
        {
            output.Write("\r" + line.PadRight(lastLength));
            lastLength = line.Length;
            if (final)
            {
                output.WriteLine();
            }
        }
        else
        {
            output.WriteLine(line);
        }

        output.Flush();
    }

    internal string Line(long done, double spentUsd, TimeSpan elapsed)
    {
        var rate = elapsed.TotalSeconds > 0 ? done / elapsed.TotalSeconds : 0;
        var eta = done >= total ? "done" : rate > 0 ? Format(TimeSpan.FromSeconds((total - done) / rate)) : "--:--";
        var percent = total == 0 ? 1 : (double)done / total;
        return string.Create(CultureInfo.InvariantCulture, $"judged {done:N0}/{total:N0} ({percent * 100:N0}%) | {rate:N1}/s | ETA {eta} | spent ${spentUsd:N4}");
    }

    private static string Format(TimeSpan value) =>
        value.TotalHours >= 1 ? string.Create(CultureInfo.InvariantCulture, $"{(int)value.TotalHours}h{value.Minutes:00}m") : value.ToString(@"mm\:ss", CultureInfo.InvariantCulture);
}
