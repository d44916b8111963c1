using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace QualityWatch.Notifications.Webhook;

/// <summary>
/// One webhook endpoint: a signed JSON POST. 5xx, 408, 429, timeouts and connection errors are
/// retried by the outbox; any other 4xx is final (the receiver refuses this message).
/// </summary>
internal sealed class WebhookChannel(WebhookEndpointOptions endpoint, IHttpClientFactory clients, TimeProvider time) : INotificationChannel
{
    public const string HttpClientName = "notifications-webhook";

    private readonly byte[] key = WebhookSigner.KeyOf(endpoint.Secret) ?? [];

    public string Name => $"webhook:{endpoint.Name}";

    public bool Accepts(string kind) => ChannelKinds.Accepts(endpoint.Kinds, kind);

    public async Task<DeliveryResult> SendAsync(StoredNotification notification, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var body = JsonSerializer.Serialize(Payload(notification, now), NotificationsJsonContext.Default.WebhookPayload);
        var timestamp = now.ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint.Url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("webhook-id", notification.Id);
        request.Headers.Add("webhook-timestamp", timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add("webhook-signature", WebhookSigner.Sign(key, notification.Id, timestamp, body));
        request.Headers.UserAgent.Add(new ProductInfoHeaderValue("QualityWatch", "1.0"));

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(endpoint.Timeout);
        try
        {
            using var client = clients.CreateClient(HttpClientName);
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            var status = (int)response.StatusCode;
            if (response.IsSuccessStatusCode)
            {
                return DeliveryResult.Success;
            }

            return HttpDelivery.Refused(status, $"HTTP {status} {response.ReasonPhrase}".TrimEnd());
        }
        catch (Exception ex) when (HttpDelivery.IsTransient(ex, cancellationToken))
        {
            return HttpDelivery.Transient(ex, endpoint.Timeout);
        }
    }

    private static WebhookPayload Payload(StoredNotification stored, DateTimeOffset now)
    {
        var n = stored.Notification;
        return new WebhookPayload(
            $"qualitywatch.{n.Kind}",
            now,
            new WebhookData(
                stored.Id, n.Kind, n.Key, n.Reason, n.Subject, n.TextBody, n.Labels, n.Annotations, n.StartsAt, n.EndsAt,
                Evidence(n.EvidenceJson), [.. n.Attachments.Select(a => a.FileName)], n.ConsoleUrl));
    }

    private static JsonElement? Evidence(string? json)
    {
        if (json is null)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            // Not JSON after all: carry it as a string rather than drop it.
            return JsonSerializer.SerializeToElement(json, NotificationsJsonContext.Default.String);
        }
    }
}
