using Microsoft.Extensions.Options;
using QualityWatch.Telemetry;

namespace QualityWatch.Notifications;

/// <summary>
/// Sends one channel's due deliveries, in order, and records every attempt. Each channel has its
/// own lane (see <see cref="NotificationDispatcher"/>), so a channel that hangs or is down only
/// ever delays itself.
/// </summary>
internal sealed class DeliveryRunner(
    NotificationStore store,
    IOptions<NotificationsOptions> options,
    TimeProvider time,
    QualityWatchMetrics metrics,
    LogThrottle throttle,
    ILogger<DeliveryRunner> logger)
{
    /// <summary>Most deliveries loaded per pass; a full batch means look again at once.</summary>
    public const int BatchSize = 100;

    private readonly RetryBackoff backoff = new(options.Value.Retry);

    /// <summary>Sends what is due now on <paramref name="channel"/>; returns how many deliveries were attempted.</summary>
    public async Task<int> RunChannelAsync(INotificationChannel channel, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(channel);
        var due = await store.DueAsync(channel.Name, time.GetUtcNow(), BatchSize, cancellationToken);
        foreach (var delivery in due)
        {
            var result = await SendAsync(channel, delivery, cancellationToken);
            await RecordAsync(delivery, result, cancellationToken);
        }

        return due.Count;
    }

    private static async Task<DeliveryResult> SendAsync(INotificationChannel channel, PendingDelivery delivery, CancellationToken cancellationToken)
    {
        try
        {
            return await channel.SendAsync(delivery.Notification, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            // A channel bug must not lose the notification: count it as a retryable attempt.
            return DeliveryResult.Retry($"internal error: {ex.GetType().Name}: {ex.Message}");
        }
    }

    private async Task RecordAsync(PendingDelivery delivery, DeliveryResult result, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var attempt = delivery.Attempts + 1;
        var id = delivery.Notification.Id;
        if (result.Sent)
        {
            await store.RecordAttemptAsync(delivery.Id, NotificationOutcomes.Sent, null, now, null, cancellationToken);
            metrics.RecordNotification(delivery.Channel, NotificationOutcomes.Sent);
            Log.Sent(logger, id, delivery.Channel, attempt, delivery.Notification.Notification.Reason);
            return;
        }

        var error = Trim(result.Error ?? "unknown error");
        if (!result.Retryable || backoff.GiveUp(attempt, DateTimeOffset.FromUnixTimeMilliseconds(delivery.CreatedAt), now))
        {
            await store.RecordAttemptAsync(delivery.Id, NotificationOutcomes.Failed, error, now, null, cancellationToken);
            metrics.RecordNotification(delivery.Channel, NotificationOutcomes.Failed);
            if (throttle.ShouldLog($"notify-gave-up|{delivery.Channel}", (n, period) => Log.GaveUpRepeated(logger, delivery.Channel, n, period)))
            {
                Log.GaveUp(logger, id, delivery.Channel, attempt, error);
            }

            return;
        }

        var next = now + backoff.DelayAfter(attempt);
        await store.RecordAttemptAsync(delivery.Id, NotificationOutcomes.Retry, error, now, next, cancellationToken);
        metrics.RecordNotification(delivery.Channel, NotificationOutcomes.Retry);
        // A channel that is down fails every delivery alike: one line per channel and minute, then a count.
        if (throttle.ShouldLog($"notify-retry|{delivery.Channel}", (n, period) => Log.WillRetryRepeated(logger, delivery.Channel, n, period)))
        {
            Log.WillRetry(logger, id, delivery.Channel, attempt, next, error);
        }
    }

    private static string Trim(string text) => text.Length <= 500 ? text : text[..500];
}
