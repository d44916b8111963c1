using System.Collections.Concurrent;
using QualityWatch.Notifications;

namespace QualityWatch.Tests.Support;

/// <summary>Captures every notification handed over, in order.</summary>
public sealed class FakeOutbox : INotificationOutbox
{
    private readonly ConcurrentQueue<Notification> sent = new();

    public IReadOnlyList<Notification> Sent => [.. sent];

    public Task EnqueueAsync(Notification notification, CancellationToken cancellationToken)
    {
        sent.Enqueue(notification);
        return Task.CompletedTask;
    }
}
