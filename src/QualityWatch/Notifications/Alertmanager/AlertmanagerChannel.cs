using Microsoft.Extensions.Options;

namespace QualityWatch.Notifications.Alertmanager;

/// <summary>Alerts (not reports) to Alertmanager; a sent firing alert joins the re-send set, a resolve leaves it.</summary>
internal sealed class AlertmanagerChannel(AlertmanagerClient client, ActiveAlerts active, IOptions<NotificationsOptions> options, TimeProvider time) : INotificationChannel
{
    public string Name => "alertmanager";

    public bool Accepts(string kind) => kind is NotificationKinds.Firing or NotificationKinds.Repeat or NotificationKinds.Resolved;

    public async Task<DeliveryResult> SendAsync(StoredNotification notification, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var result = await client.PostAsync(client.ToAlert(notification.Notification, now), cancellationToken);
        if (!result.Sent)
        {
            return result;
        }

        if (notification.Notification.Kind == NotificationKinds.Resolved)
        {
            await active.ResolvedAsync(notification.Notification.Key, cancellationToken);
        }
        else
        {
            await active.FiringAsync(notification, now + options.Value.Alertmanager.ResendInterval, cancellationToken);
        }

        return result;
    }
}
