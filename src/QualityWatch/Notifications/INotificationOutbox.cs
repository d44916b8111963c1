namespace QualityWatch.Notifications;

/// <summary>
/// Where alerting and reports hand notifications over. Enqueue is durable: once it returns,
/// the notification is delivered to every configured channel eventually, across restarts.
/// </summary>
internal interface INotificationOutbox
{
    /// <summary>Enqueues the notification; returns how many channels took it (0: no configured channel carries its kind).</summary>
    Task<int> EnqueueAsync(Notification notification, CancellationToken cancellationToken);
}
