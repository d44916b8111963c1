namespace QualityWatch.Simulator.Faults;

/// <summary>
/// The two quotas a provider enforces before a request reaches the model: a sliding 60 s
/// request window and a per-UTC-day count. Only admitted requests count, as with the real APIs.
/// Not thread-safe: <see cref="SimulatorFaults"/> calls it under its lock.
/// </summary>
internal sealed class AdmissionWindow
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);
    private readonly Queue<DateTimeOffset> admitted = new();
    private DateOnly day;
    private int usedToday;

    public FaultDecision? TryAdmit(DateTimeOffset now, int? perMinute, int? perDay)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        if (today != day)
        {
            // The simulated day turned over (UTC): the daily quota is fresh.
            day = today;
            usedToday = 0;
        }

        if (perDay is { } quota && usedToday >= quota)
        {
            return new FaultDecision(FaultKind.DailyQuotaExhausted, FaultCause.DailyQuota, null, TimeSpan.Zero);
        }

        while (admitted.Count > 0 && now - admitted.Peek() >= Window)
        {
            admitted.Dequeue();
        }

        if (perMinute is { } limit && admitted.Count >= limit)
        {
            // The oldest admitted request leaves the window first; that is when a retry can succeed.
            var wait = admitted.Count == 0 ? Window : admitted.Peek() + Window - now;
            return new FaultDecision(FaultKind.TooManyRequests, FaultCause.RequestsPerMinuteLimit, wait, TimeSpan.Zero);
        }

        usedToday++;
        if (perMinute is not null)
        {
            admitted.Enqueue(now);
        }

        return null;
    }
}
