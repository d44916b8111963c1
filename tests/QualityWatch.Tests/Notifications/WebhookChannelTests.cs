using System.Text.Json;
using Microsoft.Extensions.Logging.Testing;
using QualityWatch.Notifications.Webhook;
using QualityWatch.Notifications;
using QualityWatch.Signing;
using QualityWatch.Tests.Support;

namespace QualityWatch.Tests.Notifications;

public sealed class WebhookChannelTests
{
    private const string Secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    [Fact]
    public async Task Webhook_Post_IsSignedPerStandardWebhooks()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        using var temp = new TempDirectory();
        await using var host = await InProcessHost.StartAsync(temp.DatabasePath, NotificationSettings.Fast().Webhook(0, "ops", receiver.Url, Secret));

        await Outbox(host).EnqueueAsync(SomeNotification.Firing(), CancellationToken.None);

        Assert.True(await Eventually.TrueAsync(() => !receiver.Requests.IsEmpty), "the webhook was never called");
        var request = Assert.Single(receiver.Requests);
        Assert.StartsWith("msg_", request.Id, StringComparison.Ordinal);
        Assert.InRange(long.Parse(request.Timestamp, System.Globalization.CultureInfo.InvariantCulture), DateTimeOffset.UtcNow.AddMinutes(-1).ToUnixTimeSeconds(), DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        Assert.True(WebhookSignature.Verify(Secret, request.Id, request.Timestamp, request.Body, request.Signature), $"bad signature {request.Signature}");
        Assert.False(WebhookSignature.Verify("whsec_" + Convert.ToBase64String("other-key"u8.ToArray()), request.Id, request.Timestamp, request.Body, request.Signature));

        using var body = JsonDocument.Parse(request.Body);
        var data = body.RootElement.GetProperty("data");
        Assert.Equal("qualitywatch.firing", body.RootElement.GetProperty("type").GetString());
        Assert.Equal(request.Id, data.GetProperty("id").GetString());
        Assert.Equal("rule hallucination_rate > 5% for stream support", data.GetProperty("reason").GetString());
        Assert.Equal("v42", data.GetProperty("labels").GetProperty("prompt_version").GetString());
        Assert.Equal(27, data.GetProperty("evidence").GetProperty("hallucinations").GetInt32());
    }

    [Fact]
    public void Signer_And_TestVerifier_ReproduceTheStandardWebhooksSpecExample()
    {
        // The example from the Standard Webhooks specification: secret, id, timestamp, body, signature.
        const string id = "msg_p5jXN8AQM9LWM0D4loKWxJek";
        const string body = "{\"test\": 2432232314}";
        const string expected = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

        Assert.Equal(expected, WebhookSigner.Sign(WebhookSigner.KeyOf(Secret)!, id, 1614265330, body));
        Assert.True(WebhookSignature.Verify(Secret, id, "1614265330", body, expected));
        Assert.False(WebhookSignature.Verify(Secret, id, "1614265331", body, expected));
    }

    [Fact]
    public async Task Webhook_PlainTextSecret_SignsWithUtf8Bytes()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        using var temp = new TempDirectory();
        await using var host = await InProcessHost.StartAsync(temp.DatabasePath, NotificationSettings.Fast().Webhook(0, "ops", receiver.Url, "plain-secret"));

        await Outbox(host).EnqueueAsync(SomeNotification.Firing(), CancellationToken.None);

        Assert.True(await Eventually.TrueAsync(() => !receiver.Requests.IsEmpty));
        var request = Assert.Single(receiver.Requests);
        Assert.True(WebhookSignature.Verify("plain-secret", request.Id, request.Timestamp, request.Body, request.Signature));
    }

    [Fact]
    public async Task Webhook_5xxThenRecovery_DeliversOnce()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Respond = n => n <= 3 ? 503 : 200;
        using var temp = new TempDirectory();
        await using var host = await InProcessHost.StartAsync(temp.DatabasePath, NotificationSettings.Fast().Webhook(0, "ops", receiver.Url, Secret));

        await Outbox(host).EnqueueAsync(SomeNotification.Firing(), CancellationToken.None);

        Assert.True(await Eventually.TrueAsync(() => Status(temp) == "sent"), $"status {Status(temp)}");
        Assert.True(await Eventually.StaysAsync(() => receiver.Requests.Count == 4, TimeSpan.FromMilliseconds(600)), $"{receiver.Requests.Count} requests");
        Assert.Single(receiver.Accepted);
        Assert.Single(receiver.Requests.Select(r => r.Id).Distinct());
        Assert.Equal(4, Db.Scalar<long>(temp.DatabasePath, "SELECT attempts FROM notification_deliveries"));
        Assert.Equal(
            ["retry", "retry", "retry", "sent"],
            Db.Query<string>(temp.DatabasePath, "SELECT outcome FROM notification_attempts ORDER BY attempt"));
        Assert.NotNull(Db.Scalar<long?>(temp.DatabasePath, "SELECT sent_at FROM notification_deliveries"));
    }

    [Fact]
    public async Task Webhook_4xx_IsNotRetriedAndMarkedFailed()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Respond = _ => 400;
        using var temp = new TempDirectory();
        await using var host = await InProcessHost.StartAsync(temp.DatabasePath, NotificationSettings.Fast().Webhook(0, "ops", receiver.Url, Secret));

        await Outbox(host).EnqueueAsync(SomeNotification.Firing(), CancellationToken.None);

        Assert.True(await Eventually.TrueAsync(() => Status(temp) == "failed"), $"status {Status(temp)}");
        Assert.True(await Eventually.StaysAsync(() => receiver.Requests.Count == 1, TimeSpan.FromMilliseconds(600)), $"{receiver.Requests.Count} requests");
        Assert.Contains("400", Db.Scalar<string>(temp.DatabasePath, "SELECT last_error FROM notification_deliveries"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Webhook_AlwaysDown_GivesUpAfterMaxAttemptsAndRecordsFailure()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Respond = _ => 502;
        using var temp = new TempDirectory();
        await using var host = await InProcessHost.StartAsync(temp.DatabasePath, NotificationSettings.Fast(maxAttempts: 3).Webhook(0, "ops", receiver.Url, Secret));

        await Outbox(host).EnqueueAsync(SomeNotification.Firing(), CancellationToken.None);

        Assert.True(await Eventually.TrueAsync(() => Status(temp) == "failed"), $"status {Status(temp)}");
        Assert.True(await Eventually.StaysAsync(() => receiver.Requests.Count == 3, TimeSpan.FromMilliseconds(600)), $"{receiver.Requests.Count} requests");
        Assert.Equal(3, Db.Scalar<long>(temp.DatabasePath, "SELECT attempts FROM notification_deliveries"));
        Assert.Equal("failed", Db.Scalar<string>(temp.DatabasePath, "SELECT outcome FROM notification_attempts WHERE attempt = 3"));
    }

    [Fact]
    public async Task Webhook_OneEndpointDown_OthersStillDeliver()
    {
        await using var good = await WebhookReceiver.StartAsync();
        var down = new Uri($"http://127.0.0.1:{SmtpTestServer.FreePort()}/hook");
        using var temp = new TempDirectory();
        var settings = NotificationSettings.Fast().Webhook(0, "down", down, Secret).Webhook(1, "good", good.Url, Secret);
        await using var host = await InProcessHost.StartAsync(temp.DatabasePath, settings);

        await Outbox(host).EnqueueAsync(SomeNotification.Firing(), CancellationToken.None);
        await Outbox(host).EnqueueAsync(SomeNotification.Resolved(), CancellationToken.None);

        Assert.True(await Eventually.TrueAsync(() => good.Requests.Count == 2), "the healthy endpoint did not get both notifications");
        Assert.True(await Eventually.TrueAsync(() => Db.Scalar<long>(temp.DatabasePath, "SELECT MIN(attempts) FROM notification_deliveries WHERE channel = 'webhook:down'") >= 2));
        Assert.Equal(0, Db.Scalar<long>(temp.DatabasePath, "SELECT COUNT(*) FROM notification_deliveries WHERE channel = 'webhook:down' AND status <> 'pending'"));
    }

    [Fact]
    public async Task Webhook_Timeout_IsRetriedThenDelivered()
    {
        // The first POST hangs far past the 2 s timeout; the retry is answered at once.
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Delay = n => n == 1 ? TimeSpan.FromSeconds(60) : TimeSpan.Zero;
        using var temp = new TempDirectory();
        var settings = NotificationSettings.Fast().Webhook(0, "ops", receiver.Url, Secret).With(("Notifications:Webhooks:0:Timeout", "00:00:02"));
        await using var host = await InProcessHost.StartAsync(temp.DatabasePath, settings);

        await Outbox(host).EnqueueAsync(SomeNotification.Firing(), CancellationToken.None);

        Assert.True(await Eventually.TrueAsync(() => Status(temp) == "sent"), $"status {Status(temp)}");
        var attempts = Db.Query<(string Outcome, string? Error)>(temp.DatabasePath, "SELECT outcome, error FROM notification_attempts ORDER BY attempt");
        Assert.Equal([("retry", "timed out after 00:00:02"), ("sent", null)], attempts);
        Assert.Equal(2, receiver.Requests.Count);
        Assert.Single(receiver.Requests.Select(r => r.Id).Distinct());
    }

    [Fact]
    public async Task Webhook_KindsFilter_TakesOnlyConfiguredKinds()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        using var temp = new TempDirectory();
        await using var host = await InProcessHost.StartAsync(temp.DatabasePath, NotificationSettings.Fast().Webhook(0, "reports", receiver.Url, Secret, kind: "report"));

        await Outbox(host).EnqueueAsync(SomeNotification.Firing(), CancellationToken.None);
        await Outbox(host).EnqueueAsync(SomeNotification.Report([1, 2, 3]), CancellationToken.None);

        Assert.True(await Eventually.TrueAsync(() => !receiver.Requests.IsEmpty));
        Assert.True(await Eventually.StaysAsync(() => receiver.Requests.Count == 1, TimeSpan.FromMilliseconds(500)), $"{receiver.Requests.Count} requests");
        var request = Assert.Single(receiver.Requests);
        Assert.Contains("qualitywatch.report", request.Body, StringComparison.Ordinal);
        Assert.Equal(1, Db.Scalar<long>(temp.DatabasePath, "SELECT COUNT(*) FROM notification_deliveries"));
        Assert.Equal(2, Db.Scalar<long>(temp.DatabasePath, "SELECT COUNT(*) FROM notifications"));
    }

    [Fact]
    public async Task Webhook_PendingDelivery_IsDeliveredOnceAfterRestart()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Respond = _ => 503;
        using var temp = new TempDirectory();
        var settings = NotificationSettings.Fast().Webhook(0, "ops", receiver.Url, Secret);
        await using (var first = await InProcessHost.StartAsync(temp.DatabasePath, settings))
        {
            await Outbox(first).EnqueueAsync(SomeNotification.Firing(), CancellationToken.None);
            Assert.True(await Eventually.TrueAsync(() => receiver.Requests.Count >= 2));
        }

        var callsWhileDown = receiver.Requests.Count;
        Assert.Equal("pending", Status(temp));
        receiver.Respond = _ => 200;
        Assert.True(await Eventually.StaysAsync(() => receiver.Requests.Count == callsWhileDown, TimeSpan.FromMilliseconds(300)), "a stopped service kept calling");

        await using var second = await InProcessHost.StartAsync(temp.DatabasePath, settings);
        Assert.True(await Eventually.TrueAsync(() => Status(temp) == "sent"), $"status {Status(temp)}");
        Assert.True(await Eventually.StaysAsync(() => receiver.Accepted.Count() == 1, TimeSpan.FromMilliseconds(500)), $"{receiver.Accepted.Count()} accepted");
        Assert.Single(receiver.Accepted);
        Assert.Single(receiver.Requests.Select(r => r.Id).Distinct());
    }

    [Fact]
    public async Task Webhook_RemovedFromConfiguration_ItsPendingDeliveriesAreFailedAtTheNextStart()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Respond = _ => 503;
        using var temp = new TempDirectory();
        await using (var first = await InProcessHost.StartAsync(temp.DatabasePath, NotificationSettings.Fast().Webhook(0, "old", receiver.Url, Secret)))
        {
            await Outbox(first).EnqueueAsync(SomeNotification.Firing(), CancellationToken.None);
            Assert.True(await Eventually.TrueAsync(() => !receiver.Requests.IsEmpty));
        }

        var logs = new FakeLogCollector();
        await using var second = await InProcessHost.StartAsync(temp.DatabasePath, NotificationSettings.Fast().Webhook(0, "new", receiver.Url, Secret), logs);

        Assert.True(await Eventually.TrueAsync(() => Status(temp) == "failed"), $"status {Status(temp)}");
        Assert.Equal("channel webhook:old is not configured", Db.Scalar<string>(temp.DatabasePath, "SELECT last_error FROM notification_deliveries"));
        Assert.True(await Eventually.TrueAsync(() => logs.GetSnapshot().Any(r => r.Is(5008) && r.Message.Contains("webhook:old", StringComparison.Ordinal))));
    }

    private static INotificationOutbox Outbox(InProcessHost host) => host.Services.GetRequiredService<INotificationOutbox>();

    private static string Status(TempDirectory temp) => Db.Scalar<string>(temp.DatabasePath, "SELECT status FROM notification_deliveries ORDER BY id LIMIT 1");
}
