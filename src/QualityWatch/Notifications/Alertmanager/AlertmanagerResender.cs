using Microsoft.Extensions.Options;

namespace QualityWatch.Notifications.Alertmanager;

/// <summary>
/// Alertmanager expires an alert it stops hearing about (resolve_timeout), so every firing alert
/// is posted again each ResendInterval until its resolve arrives.
/// </summary>
internal sealed class AlertmanagerResender(
    ActiveAlerts active,
    NotificationStore store,
    AlertmanagerClient client,
    IOptions<NotificationsOptions> options,
    TimeProvider time,
    ILogger<AlertmanagerResender> logger)
{
    private readonly AlertmanagerOptions alertmanager = options.Value.Alertmanager;

    public async Task<int> ResendDueAsync(CancellationToken cancellationToken)
    {
        if (!alertmanager.Enabled)
        {
            return 0;
        }

        var resent = 0;
        foreach (var (key, notificationId) in await active.DueAsync(time.GetUtcNow(), cancellationToken))
        {
            var stored = await store.GetAsync(notificationId, cancellationToken);
            if (stored is null)
            {
                await active.ResolvedAsync(key, cancellationToken);
                continue;
            }

            var now = time.GetUtcNow();
            var result = await client.PostAsync(client.ToAlert(stored), cancellationToken);
            if (result.Sent)
            {
                resent++;
                Log.Resent(logger, key);
            }

            // Failed or not, the next try is one interval on: the alert stays firing in our table either way.
            await active.RescheduleAsync(key, notificationId, now + alertmanager.ResendInterval, cancellationToken);
            if (!result.Sent)
            {
                // Alertmanager is down: the rest stay due for the next pass rather than each wait out a timeout now.
                Log.ResendFailed(logger, key, result.Error ?? "unknown error");
                break;
            }
        }

        return resent;
    }
}
