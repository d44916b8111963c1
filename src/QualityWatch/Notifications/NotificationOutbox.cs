namespace QualityWatch.Notifications;

/// <summary>Durable enqueue: the notification and a delivery per accepting channel are committed before this returns.</summary>
internal sealed class NotificationOutbox(
    NotificationStore store,
    NotificationChannels channels,
    NotificationSignal signal,
    TimeProvider time,
    ILogger<NotificationOutbox> logger) : INotificationOutbox
{
    public async Task<int> EnqueueAsync(Notification notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var stored = new StoredNotification($"msg_{Guid.NewGuid():N}", time.GetUtcNow(), notification);
        var targets = channels.All.Where(c => c.Accepts(notification.Kind)).Select(c => c.Name).ToList();
        await store.InsertAsync(stored, targets, cancellationToken);
        Log.Enqueued(logger, stored.Id, notification.Kind, notification.Key, notification.Reason, targets.Count);
        if (targets.Count > 0)
        {
            signal.Notify();
        }

        return targets.Count;
    }
}
