using System.Collections.Concurrent;
using QualityWatch.Notifications;

namespace QualityWatch.Tests.Support;

/// <summary>Captures every notification handed over, in order, instead of storing it: for the producers (alert rules, the daily report).</summary>
internal sealed class CapturingOutbox : INotificationOutbox
{
    private readonly ConcurrentQueue<Notification> sent = new();

    public IReadOnlyList<Notification> Sent => [.. sent];

    /// <summary>How many channels take each notification; 0 is a service with no channel configured.</summary>
    public int Channels { get; set; } = 1;

    public Task<int> EnqueueAsync(Notification notification, CancellationToken cancellationToken)
    {
        sent.Enqueue(notification);
        return Task.FromResult(Channels);
    }
}
