using System.Collections.Concurrent;
using QualityWatch.Notifications;

namespace QualityWatch.Tests.Support;

/// <summary>A channel that answers what the test scripts for its n-th send (1-based), and keeps every call.</summary>
internal sealed class ScriptedChannel(string name, Func<int, DeliveryResult> script) : INotificationChannel
{
    private int count;

    public string Name => name;

    public ConcurrentQueue<StoredNotification> Calls { get; } = new();

    public bool Accepts(string kind) => true;

    public Task<DeliveryResult> SendAsync(StoredNotification notification, CancellationToken cancellationToken)
    {
        Calls.Enqueue(notification);
        return Task.FromResult(script(Interlocked.Increment(ref count)));
    }
}
