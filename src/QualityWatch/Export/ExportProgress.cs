using System.Globalization;

namespace QualityWatch.Export;

/// <summary>Lines written and rate, redrawn in place on stderr; only shown when stderr is a terminal, so a pipe or log gets no carriage returns.</summary>
internal sealed class ExportProgress(TextWriter errors, TimeProvider time)
{
    private readonly long started = time.GetTimestamp();
    private int lastLength;

    public void Report(ExportCounts counts, bool final = false)
    {
        var seconds = time.GetElapsedTime(started).TotalSeconds;
        var rate = seconds > 0 ? counts.Samples / seconds : 0;
        var line = string.Create(CultureInfo.InvariantCulture, $"exported {counts.Samples:N0} samples | {counts.Verdicts:N0} verdicts | {rate:N0}/s");
        errors.Write("\r" + line.PadRight(lastLength));
        lastLength = line.Length;
        if (final)
        {
            errors.WriteLine();
        }

        errors.Flush();
    }
}
