using QualityWatch.Notifications;

namespace QualityWatch.Alerting;

/// <summary>The fallback outbox until the real one is registered: it only logs, so the app starts without channels.</summary>
internal sealed class LoggingOutbox(ILogger<LoggingOutbox> logger) : INotificationOutbox
{
    public Task EnqueueAsync(Notification notification, CancellationToken cancellationToken)
    {
        Log.OutboxMissing(logger, notification.Kind, notification.Key, notification.Reason);
        return Task.CompletedTask;
    }
}
