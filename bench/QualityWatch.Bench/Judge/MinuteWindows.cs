namespace QualityWatch.Bench.Judge;

/// <summary>
/// Requests per minute over every 60 s window that starts, a second apart, inside a measurement
/// period. A sliding-window limiter sends in bursts (a window's permits come back together), so a
/// count over one fixed minute depends on where the bursts fall; the mean over all windows does not.
/// </summary>
internal static class MinuteWindows
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan Step = TimeSpan.FromSeconds(1);

    /// <summary>Mean, fewest and most arrivals in a 60 s window starting within [from, to − 60 s].</summary>
    public static (double Mean, int Min, int Max) Of(IEnumerable<DateTimeOffset> arrivals, DateTimeOffset from, DateTimeOffset to)
    {
        var times = arrivals.Where(t => t >= from && t < to).Order().ToArray();
        var counts = new List<int>();
        for (var start = from; start + Minute <= to; start += Step)
        {
            counts.Add(CountIn(times, start, start + Minute));
        }

        return counts.Count == 0 ? (0, 0, 0) : (counts.Average(), counts.Min(), counts.Max());
    }

    /// <summary>Whole seconds of [from, to) in which nothing arrived: how bursty the sending was.</summary>
    public static int IdleSeconds(IEnumerable<DateTimeOffset> arrivals, DateTimeOffset from, DateTimeOffset to)
    {
        var busy = arrivals.Where(t => t >= from && t < to).Select(t => (long)((t - from) / Step)).ToHashSet();
        return (int)((to - from) / Step) - busy.Count;
    }

    private static int CountIn(DateTimeOffset[] sorted, DateTimeOffset start, DateTimeOffset end) =>
        LowerBound(sorted, end) - LowerBound(sorted, start);

    private static int LowerBound(DateTimeOffset[] sorted, DateTimeOffset value)
    {
        var index = Array.BinarySearch(sorted, value);
        if (index < 0)
        {
            return ~index;
        }

        // Equal timestamps: the first of them.
        while (index > 0 && sorted[index - 1] == value)
        {
            index--;
        }

        return index;
    }
}
