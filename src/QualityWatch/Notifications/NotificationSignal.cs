using System.Threading.Channels;

namespace QualityWatch.Notifications;

/// <summary>
/// The outbox rings this after a commit, so every channel's lane sends at once instead of at its
/// next poll. One slot per channel: a ring while a lane is busy is kept, not lost.
/// </summary>
public sealed class NotificationSignal
{
    private readonly Dictionary<string, Channel<bool>> lanes;

    public NotificationSignal(NotificationChannels channels)
    {
        ArgumentNullException.ThrowIfNull(channels);
        lanes = channels.All.ToDictionary(
            c => c.Name,
            _ => Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite }),
            StringComparer.Ordinal);
    }

    public void Notify()
    {
        foreach (var lane in lanes.Values)
        {
            lane.Writer.TryWrite(true);
        }
    }

    /// <summary>Returns when notified or after <paramref name="timeout"/>, whichever is first.</summary>
    public async Task WaitAsync(string channel, TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        using var elapsed = new CancellationTokenSource(timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, elapsed.Token);
        try
        {
            await lanes[channel].Reader.ReadAsync(linked.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // Interval elapsed: retries become due by time, not by signal.
        }
    }
}
