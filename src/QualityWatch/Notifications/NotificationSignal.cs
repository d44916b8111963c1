using QualityWatch.Hosting;

namespace QualityWatch.Notifications;

/// <summary>
/// The outbox rings this after a commit, so every channel's lane sends at once instead of at its
/// next poll. One <see cref="WakeSignal"/> per channel: a ring while a lane is busy is kept, not lost.
/// </summary>
internal sealed class NotificationSignal
{
    private readonly Dictionary<string, LaneSignal> lanes;

    public NotificationSignal(NotificationChannels channels)
    {
        ArgumentNullException.ThrowIfNull(channels);
        lanes = channels.All.ToDictionary(c => c.Name, _ => new LaneSignal(), StringComparer.Ordinal);
    }

    public void Notify()
    {
        foreach (var lane in lanes.Values)
        {
            lane.Notify();
        }
    }

    /// <summary>Returns when notified or after <paramref name="timeout"/>, whichever is first.</summary>
    public Task WaitAsync(string channel, TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken) =>
        lanes[channel].WaitAsync(timeout, time, cancellationToken);

    private sealed class LaneSignal : WakeSignal;
}
