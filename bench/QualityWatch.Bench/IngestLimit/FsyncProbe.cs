using System.Diagnostics;

namespace QualityWatch.Bench.IngestLimit;

/// <summary>
/// How long one durable append takes on the disk the database is on: write 4 KiB, fsync, as a WAL commit does. Single
/// objects are bounded by it: every request waits for a commit, so <c>connections</c> requests share at most one fsync.
/// </summary>
internal static class FsyncProbe
{
    /// <summary>Median milliseconds of <paramref name="count"/> append+fsync pairs in a file under <paramref name="folder"/>.</summary>
    public static double MedianMs(string folder, int count = 50)
    {
        var path = Path.Combine(folder, "fsync-probe");
        var page = new byte[4096];
        var times = new double[count];
        using (var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1, FileOptions.None))
        {
            for (var i = 0; i < count; i++)
            {
                var started = Stopwatch.GetTimestamp();
                file.Write(page);
                file.Flush(flushToDisk: true);
                times[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            }
        }

        File.Delete(path);
        Array.Sort(times);
        return times[count / 2];
    }
}
