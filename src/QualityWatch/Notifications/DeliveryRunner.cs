using Microsoft.Extensions.Options;

namespace QualityWatch.Notifications;

/// <summary>
/// One dispatch pass: sends every due delivery. Channels run side by side and each channel's
/// deliveries in order, so a channel that hangs or is down never holds up the others.
/// </summary>
public sealed class DeliveryRunner(
    NotificationStore store,
    NotificationChannels channels,
    IOptions<NotificationsOptions> options,
    TimeProvider time,
    ILogger<DeliveryRunner> logger)
{
    private readonly RetryBackoff backoff = new(options.Value.Retry);

    /// <summary>Sends what is due now; returns how many deliveries were attempted.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var due = await store.DueAsync(time.GetUtcNow(), 500, cancellationToken);
        await Task.WhenAll(due.GroupBy(d => d.Channel).Select(group => RunChannelAsync(group.Key, [.. group], cancellationToken)));
        return due.Count;
    }

    private async Task RunChannelAsync(string name, List<PendingDelivery> deliveries, CancellationToken cancellationToken)
    {
        var channel = channels.Find(name);
        foreach (var delivery in deliveries)
        {
            var result = channel is null
                ? DeliveryResult.Retry($"channel '{name}' is not configured now")
                : await SendAsync(channel, delivery, cancellationToken);
            await RecordAsync(delivery, result, cancellationToken);
        }
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
            await store.RecordAttemptAsync(delivery.Id, "sent", null, now, null, cancellationToken);
            Log.Sent(logger, id, delivery.Channel, attempt, delivery.Notification.Notification.Reason);
            return;
        }

        var error = Trim(result.Error ?? "unknown error");
        if (!result.Retryable || backoff.GiveUp(attempt, DateTimeOffset.FromUnixTimeMilliseconds(delivery.CreatedAt), now))
        {
            await store.RecordAttemptAsync(delivery.Id, "failed", error, now, null, cancellationToken);
            Log.GaveUp(logger, id, delivery.Channel, attempt, error);
            return;
        }

        var next = now + backoff.DelayAfter(attempt);
        await store.RecordAttemptAsync(delivery.Id, "retry", error, now, next, cancellationToken);
        Log.WillRetry(logger, id, delivery.Channel, attempt, next, error);
    }

    private static string Trim(string text) => text.Length <= 500 ? text : text[..500];
}
