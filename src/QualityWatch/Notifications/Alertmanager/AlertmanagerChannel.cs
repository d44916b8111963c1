namespace QualityWatch.Notifications.Alertmanager;

/// <summary>
/// Alerts (not reports) to Alertmanager. A sent firing alert joins the re-send set and a resolve
/// leaves it; the re-sends run on this channel's lane, so they never overtake a resolve.
/// </summary>
internal sealed class AlertmanagerChannel(
    AlertmanagerClient client,
    ActiveAlerts active,
    NotificationStore store,
    AlertmanagerResender resender,
    TimeProvider time,
    ILogger<AlertmanagerChannel> logger) : INotificationChannel
{
    public string Name => "alertmanager";

    // One post per state change: a repeat is the keep-alive's job (ResendInterval), and Alertmanager repeats to its receivers itself.
    public bool Accepts(string kind) => kind is NotificationKinds.Firing or NotificationKinds.Resolved;

    public async Task<DeliveryResult> SendAsync(StoredNotification notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var n = notification.Notification;
        var resolvedBy = n.Kind == NotificationKinds.Resolved ? null : await ResolvedByAsync(notification, cancellationToken);
        var result = await client.PostAsync(client.ToAlert(notification, resolvedBy), cancellationToken);
        if (!result.Sent)
        {
            return result;
        }

        if (n.Kind == NotificationKinds.Resolved)
        {
            await active.ResolvedAsync(n.Key, cancellationToken);
        }
        else if (resolvedBy is null)
        {
            await active.FiringAsync(notification, time.GetUtcNow() + client.ResendInterval, cancellationToken);
        }

        return result;
    }

    public Task MaintainAsync(CancellationToken cancellationToken) => resender.ResendDueAsync(cancellationToken);

    /// <summary>
    /// A firing alert retried past its own resolve (Alertmanager was down, or the resolve went out
    /// first) must not re-open the alert: it is sent with the resolve's end time instead.
    /// </summary>
    private async Task<StoredNotification?> ResolvedByAsync(StoredNotification firing, CancellationToken cancellationToken)
    {
        if (await active.LaterResolveAsync(firing, cancellationToken) is not { } resolveId)
        {
            return null;
        }

        var resolve = await store.GetAsync(resolveId, cancellationToken);
        if (resolve is not null)
        {
            Log.SupersededByResolve(logger, firing.Notification.Key, firing.Id);
        }

        return resolve;
    }
}
