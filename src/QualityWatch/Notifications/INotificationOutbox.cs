namespace QualityWatch.Notifications;

/// <summary>
/// Where alerting and reports hand notifications over. Enqueue is durable: once it returns,
/// the notification is delivered to every configured channel eventually, across restarts.
/// </summary>
public interface INotificationOutbox
{
    Task EnqueueAsync(Notification notification, CancellationToken cancellationToken);
}
