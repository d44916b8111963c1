using System.Collections.Concurrent;
using QualityWatch.Notifications;

namespace QualityWatch.Tests.Support;

/// <summary>Captures every notification handed over, in order, instead of storing it: for the producers (alert rules, the daily report).</summary>
public sealed class CapturingOutbox : INotificationOutbox
{
    private readonly ConcurrentQueue<Notification> sent = new();

    public IReadOnlyList<Notification> Sent => [.. sent];

    public Task EnqueueAsync(Notification notification, CancellationToken cancellationToken)
    {
        sent.Enqueue(notification);
        return Task.CompletedTask;
    }
}
