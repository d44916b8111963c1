using QualityWatch.Notifications;

namespace QualityWatch.Reports;

/// <summary>
/// Lets the app start before a real outbox is registered: registered with TryAdd, so any real
/// outbox registered earlier wins. It logs the notification's key, never its content.
/// </summary>
internal sealed class LoggingNotificationOutbox(ILogger<LoggingNotificationOutbox> logger) : INotificationOutbox
{
    public Task EnqueueAsync(Notification notification, CancellationToken cancellationToken)
    {
        Log.NoOutbox(logger, notification.Key, notification.Kind);
        return Task.CompletedTask;
    }
}
