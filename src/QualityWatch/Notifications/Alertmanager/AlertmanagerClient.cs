using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace QualityWatch.Notifications.Alertmanager;

/// <summary>Posts alerts to <c>{Url}/api/v2/alerts</c> and maps the answer to a delivery result.</summary>
internal sealed class AlertmanagerClient(IHttpClientFactory clients, IOptions<NotificationsOptions> options)
{
    public const string HttpClientName = "notifications-alertmanager";

    private readonly AlertmanagerOptions alertmanager = options.Value.Alertmanager;

    /// <summary>How often a firing alert is posted again (Notifications:Alertmanager:ResendInterval).</summary>
    public TimeSpan ResendInterval => alertmanager.ResendInterval;

    /// <summary>
    /// The wire alert for a notification. A resolve carries endsAt (its own EndsAt, else when it was
    /// enqueued); a firing alert carries none, unless <paramref name="resolvedBy"/> already ended it.
    /// </summary>
    public AlertmanagerAlert ToAlert(StoredNotification stored, StoredNotification? resolvedBy = null)
    {
        ArgumentNullException.ThrowIfNull(stored);
        var n = stored.Notification;
        var labels = new Dictionary<string, string>(n.Labels, StringComparer.Ordinal);
        labels.TryAdd("alertname", n.Key);
        var annotations = new Dictionary<string, string>(n.Annotations, StringComparer.Ordinal);
        annotations.TryAdd("summary", n.Subject);
        annotations.TryAdd("description", n.TextBody);
        annotations.TryAdd("reason", n.Reason);
        if (n.EvidenceJson is not null)
        {
            annotations.TryAdd("evidence", n.EvidenceJson);
        }

        var end = n.Kind == NotificationKinds.Resolved ? stored : resolvedBy;
        DateTimeOffset? endsAt = end is null ? null : end.Notification.EndsAt ?? end.CreatedAt;

        // Alertmanager refuses an alert that ends before it starts.
        if (endsAt < n.StartsAt)
        {
            endsAt = n.StartsAt;
        }

        // The alert's own console page beats the configured fixed URL: it is where "Source" should lead.
        return new AlertmanagerAlert(labels, annotations, n.StartsAt, endsAt, n.ConsoleUrl ?? alertmanager.GeneratorUrl?.ToString());
    }

    public async Task<DeliveryResult> PostAsync(AlertmanagerAlert alert, CancellationToken cancellationToken)
    {
        var body = JsonSerializer.Serialize([alert], NotificationsJsonContext.Default.ListAlertmanagerAlert);
        var root = alertmanager.Url!.ToString().TrimEnd('/');
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(alertmanager.Timeout);
        try
        {
            using var client = clients.CreateClient(HttpClientName);
            using var response = await client.PostAsync(new Uri(root + "/api/v2/alerts"), content, timeout.Token);
            var status = (int)response.StatusCode;
            if (response.IsSuccessStatusCode)
            {
                return DeliveryResult.Success;
            }

            var detail = await response.Content.ReadAsStringAsync(timeout.Token);
            return HttpDelivery.Refused(status, $"HTTP {status} {(detail.Length > 300 ? detail[..300] : detail)}".TrimEnd());
        }
        catch (Exception ex) when (HttpDelivery.IsTransient(ex, cancellationToken))
        {
            return HttpDelivery.Transient(ex, alertmanager.Timeout);
        }
    }
}
