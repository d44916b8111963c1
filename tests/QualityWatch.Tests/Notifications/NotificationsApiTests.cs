using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using QualityWatch.Notifications;
using QualityWatch.Tests.Support;

namespace QualityWatch.Tests.Notifications;

/// <summary>GET /v1/notifications and /v1/notifications/{id} over real HTTP, after real deliveries.</summary>
public sealed class NotificationsApiTests
{
    private const string ApiKey = "notifications-api-key-0123456789";

    [Fact]
    public async Task Api_ListsEveryDeliveryWithWhyAndHow_AndOneNotificationWithEveryAttempt()
    {
        await using var flaky = await WebhookReceiver.StartAsync();
        flaky.Respond = n => n == 1 ? 503 : 200;
        await using var refusing = await WebhookReceiver.StartAsync();
        refusing.Respond = _ => 410;
        using var temp = new TempDirectory();
        var settings = NotificationSettings.Fast().Webhook(0, "flaky", flaky.Url).Webhook(1, "refusing", refusing.Url).With(("Ingest:ApiKeys:0", ApiKey));
        await using var host = await InProcessHost.StartAsync(temp.DatabasePath, settings);
        host.Client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ApiKey);
        await host.Services.GetRequiredService<INotificationOutbox>().EnqueueAsync(SomeNotification.Firing(), CancellationToken.None);
        Assert.True(await Eventually.TrueAsync(() => Db.Scalar<long>(temp.DatabasePath, "SELECT COUNT(*) FROM notification_deliveries WHERE status <> 'pending'") == 2));

        using var all = await GetJsonAsync(host, "/v1/notifications");
        Assert.Equal(2, all.RootElement.GetArrayLength());
        var failed = Assert.Single((await GetJsonAsync(host, "/v1/notifications?status=failed")).RootElement.EnumerateArray());
        Assert.Equal("webhook:refusing", failed.GetProperty("channel").GetString());
        Assert.Equal("HTTP 410 Gone", failed.GetProperty("last_error").GetString());
        Assert.Equal("rule hallucination_rate > 5% for stream support", failed.GetProperty("reason").GetString());
        Assert.Equal("firing", failed.GetProperty("kind").GetString());
        var sent = Assert.Single((await GetJsonAsync(host, "/v1/notifications?channel=webhook:flaky")).RootElement.EnumerateArray());
        Assert.Equal("sent", sent.GetProperty("status").GetString());
        Assert.Equal(2, sent.GetProperty("attempts").GetInt64());
        Assert.False(sent.TryGetProperty("attempt_log", out _));

        var id = sent.GetProperty("notification_id").GetString();
        using var one = await GetJsonAsync(host, $"/v1/notifications/{id}");
        Assert.Equal("hallucination-rate:support", one.RootElement.GetProperty("key").GetString());
        var deliveries = one.RootElement.GetProperty("deliveries").EnumerateArray().ToDictionary(d => d.GetProperty("channel").GetString()!);
        Assert.Equal(
            [("retry", "HTTP 503 Service Unavailable"), ("sent", null)],
            deliveries["webhook:flaky"].GetProperty("attempt_log").EnumerateArray().Select(Attempt));
        Assert.Equal([("failed", "HTTP 410 Gone")], deliveries["webhook:refusing"].GetProperty("attempt_log").EnumerateArray().Select(Attempt));
    }

    [Theory]
    [InlineData("/v1/notifications?status=stuck", HttpStatusCode.BadRequest, "invalid_status")]
    [InlineData("/v1/notifications?limit=0", HttpStatusCode.BadRequest, "invalid_limit")]
    [InlineData("/v1/notifications/msg_unknown", HttpStatusCode.NotFound, "not_found")]
    public async Task Api_BadQueryOrUnknownId_AnswersItsError(string path, HttpStatusCode status, string error)
    {
        using var temp = new TempDirectory();
        await using var host = await InProcessHost.StartAsync(temp.DatabasePath, NotificationSettings.Fast());

        using var response = await host.Client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(status, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(error, body.RootElement.GetProperty("error").GetString());
    }

    [Fact]
    public async Task Api_WithApiKeysConfigured_RefusesAMissingKey()
    {
        using var temp = new TempDirectory();
        await using var host = await InProcessHost.StartAsync(temp.DatabasePath, NotificationSettings.Fast().With(("Ingest:ApiKeys:0", ApiKey)));

        using var response = await host.Client.GetAsync(new Uri("/v1/notifications", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private static async Task<JsonDocument> GetJsonAsync(InProcessHost host, string path) =>
        JsonDocument.Parse(await host.Client.GetStringAsync(new Uri(path, UriKind.Relative)));

    private static (string?, string?) Attempt(JsonElement a) =>
        (a.GetProperty("outcome").GetString(), a.TryGetProperty("error", out var e) ? e.GetString() : null);
}
