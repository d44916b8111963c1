namespace QualityWatch.Telemetry;

/// <summary>
/// Keeps the log readable while a fault persists. The first occurrence of a repeated line is logged
/// in full (stack trace and all); the ones after it within <see cref="Period"/> are only counted, and
/// when the period ends one summary line says how many there were. A fault that goes on gives one
/// summary per period; once a period passes without one, the next occurrence is logged in full again.
/// </summary>
internal sealed class LogThrottle(TimeProvider time) : IDisposable
{
    /// <summary>How long a logged line silences its repeats.</summary>
    public static readonly TimeSpan Period = TimeSpan.FromSeconds(60);

    private readonly Lock gate = new();
    private readonly Dictionary<string, Window> windows = new(StringComparer.Ordinal);

    /// <summary>
    /// True when this occurrence of <paramref name="key"/> is to be logged; false when it was counted
    /// instead. <paramref name="summarise"/> logs the count of a period that had any, with the period.
    /// </summary>
    public bool ShouldLog(string key, Action<int, TimeSpan> summarise)
    {
        lock (gate)
        {
            if (windows.TryGetValue(key, out var window))
            {
                window.Repeats++;
                return false;
            }

            windows[key] = new Window(summarise, time.CreateTimer(_ => Close(key), null, Period, Timeout.InfiniteTimeSpan));
            return true;
        }
    }

    /// <summary>A key for "the same error": its type and message, which carry no payload text.</summary>
    public static string KeyOf(string site, Exception exception) => $"{site}|{exception.GetType().FullName}|{exception.Message}";

    public void Dispose()
    {
        lock (gate)
        {
            foreach (var window in windows.Values)
            {
                window.Timer.Dispose();
            }

            windows.Clear();
        }
    }

    private void Close(string key)
    {
        int repeats;
        Action<int, TimeSpan> summarise;
        lock (gate)
        {
            if (!windows.TryGetValue(key, out var window))
            {
                return;
            }

            repeats = window.Repeats;
            summarise = window.Summarise;
            if (repeats == 0)
            {
                window.Timer.Dispose();
                windows.Remove(key);
                return;
            }

            // Still failing: keep counting for another period rather than log the next one in full.
            window.Repeats = 0;
            window.Timer.Change(Period, Timeout.InfiniteTimeSpan);
        }

        summarise(repeats, Period);
    }

    private sealed class Window(Action<int, TimeSpan> summarise, ITimer timer)
    {
        public Action<int, TimeSpan> Summarise { get; } = summarise;

        public ITimer Timer { get; } = timer;

        public int Repeats { get; set; }
    }
}
