using QualityWatch.Notifications;
using QualityWatch.Tests.Support;

namespace QualityWatch.Tests.Notifications;

/// <summary>One channel down or hung never blocks another, and an outage loses nothing.</summary>
public sealed class ChannelIsolationTests
{
    [Fact]
    public async Task HungWebhook_DelaysOnlyItsOwnChannel()
    {
        await using var hung = await WebhookReceiver.StartAsync();
        hung.Delay = _ => TimeSpan.FromSeconds(60);
        await using var good = await WebhookReceiver.StartAsync();
        await using var smtp = await SmtpTestServer.StartAsync();
        using var temp = new TempDirectory();
        var settings = NotificationSettings.Fast().Webhook(0, "hung", hung.Url).Webhook(1, "good", good.Url).Email(smtp.Port)
            .With(("Notifications:Webhooks:0:Timeout", "00:02:00"));
        await using var host = await InProcessHost.StartAsync(temp.DatabasePath, settings);
        var outbox = host.Services.GetRequiredService<INotificationOutbox>();

        await outbox.EnqueueAsync(SomeNotification.Firing(), CancellationToken.None);
        Assert.True(await Eventually.TrueAsync(() => hung.Requests.Count == 1 && good.Requests.Count == 1 && smtp.Messages.Count == 1));

        // The hung endpoint still holds its first request; nothing after it may wait for it.
        await outbox.EnqueueAsync(SomeNotification.Resolved(), CancellationToken.None);
        await outbox.EnqueueAsync(SomeNotification.Report([1, 2, 3]), CancellationToken.None);

        Assert.True(
            await Eventually.TrueAsync(() => good.Requests.Count == 3 && smtp.Messages.Count == 3, TimeSpan.FromSeconds(10)),
            $"the other channels waited for the hung one: webhook {good.Requests.Count}, email {smtp.Messages.Count}");
        Assert.Single(hung.Requests);
        Assert.True(await Eventually.TrueAsync(() => Sent(temp, "email", "webhook:good") == 6), "the sends were not recorded");
        Assert.Equal(0, Db.Scalar<long>(temp.DatabasePath, "SELECT COUNT(*) FROM notification_deliveries WHERE channel = 'webhook:hung' AND (status <> 'pending' OR attempts > 0)"));
    }

    [Fact]
    public async Task EmailDown_WebhookStillDelivers_ThenEmailRecoversAndSendsEachOnce()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var smtpPort = SmtpTestServer.FreePort();
        using var temp = new TempDirectory();
        await using var host = await InProcessHost.StartAsync(temp.DatabasePath, NotificationSettings.Fast().Webhook(0, "ops", receiver.Url).Email(smtpPort));
        var outbox = host.Services.GetRequiredService<INotificationOutbox>();

        await outbox.EnqueueAsync(SomeNotification.Firing(), CancellationToken.None);
        await outbox.EnqueueAsync(SomeNotification.Report([1, 2, 3]), CancellationToken.None);

        Assert.True(await Eventually.TrueAsync(() => receiver.Requests.Count == 2), "the webhook waited for the email channel");
        Assert.True(await Eventually.TrueAsync(() => MinAttempts(temp, "email") >= 2));
        Assert.Equal(0, Sent(temp, "email"));
        Assert.True(await Eventually.TrueAsync(() => Sent(temp, "webhook:ops") == 2));

        await using var smtp = await SmtpTestServer.StartOnPortAsync(smtpPort);

        Assert.True(await Eventually.TrueAsync(() => Sent(temp, "email", "webhook:ops") == 4));
        Assert.True(await Eventually.StaysAsync(() => smtp.Messages.Count == 2 && receiver.Requests.Count == 2, TimeSpan.FromMilliseconds(500)), "a delivery was sent again");
        Assert.Equal(
            ["QualityWatch daily report 2026-11-23", "[FIRING] Hallucination rate 9.1% on support"],
            smtp.Messages.Select(m => m.Subject).Order(StringComparer.Ordinal));
        Assert.Equal(2, receiver.Requests.Count);
    }

    [Fact]
    public async Task EveryChannelDown_ThenRecovered_DeliversEverythingOnceAndRecordsEveryAttempt()
    {
        // Webhook answers 503, nothing listens on the SMTP and Alertmanager ports.
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Respond = _ => 503;
        var smtpPort = SmtpTestServer.FreePort();
        var alertmanagerPort = SmtpTestServer.FreePort();
        using var temp = new TempDirectory();
        var settings = NotificationSettings.Fast().Webhook(0, "ops", receiver.Url).Email(smtpPort).Alertmanager(new Uri($"http://127.0.0.1:{alertmanagerPort}"));
        await using var host = await InProcessHost.StartAsync(temp.DatabasePath, settings);
        var outbox = host.Services.GetRequiredService<INotificationOutbox>();
        var tone = SomeNotification.Firing("tone:support", "rule tone < 4 for stream support") with
        {
            Subject = "[FIRING] Tone 3.6 on support",
            Labels = new Dictionary<string, string> { ["alertname"] = "ToneLow", ["stream"] = "support" },
        };

        await outbox.EnqueueAsync(SomeNotification.Firing(), CancellationToken.None);
        await outbox.EnqueueAsync(tone, CancellationToken.None);
        await outbox.EnqueueAsync(SomeNotification.Report([1, 2, 3]), CancellationToken.None);

        // Reports never go to Alertmanager: 3 email + 3 webhook + 2 Alertmanager deliveries.
        Assert.Equal(8, Db.Scalar<long>(temp.DatabasePath, "SELECT COUNT(*) FROM notification_deliveries"));
        Assert.True(
            await Eventually.TrueAsync(() => MinAttempts(temp, "email", "webhook:ops", "alertmanager") >= 2),
            "not every delivery was retried while its channel was down");
        Assert.Equal(0, Sent(temp, "email", "webhook:ops", "alertmanager"));

        receiver.Respond = _ => 200;
        await using var smtp = await SmtpTestServer.StartOnPortAsync(smtpPort);
        await using var alertmanager = await AlertmanagerProcess.StartAsync(alertmanagerPort);

        Assert.True(await Eventually.TrueAsync(() => Sent(temp, "email", "webhook:ops", "alertmanager") == 8), "not everything was delivered after the outage");
        Assert.True(await Eventually.StaysAsync(() => smtp.Messages.Count == 3 && receiver.Accepted.Count() == 3, TimeSpan.FromMilliseconds(500)), "a delivery was sent again");
        Assert.Equal(3, smtp.Messages.Select(m => m.MessageId).Distinct().Count());
        Assert.Equal(3, smtp.Messages.Count);
        Assert.Equal(3, receiver.Accepted.Count());
        Assert.Equal(3, receiver.Accepted.Select(r => r.Id).Distinct().Count());
        Assert.Single(await alertmanager.AlertsAsync("HallucinationRateHigh"));
        Assert.Single(await alertmanager.AlertsAsync("ToneLow"));

        // Every attempt is on record: numbered 1..n, retries with their error, then one send.
        var deliveries = Db.Query<(long Id, string Channel, long Attempts)>(temp.DatabasePath, "SELECT id, channel, attempts FROM notification_deliveries");
        foreach (var (id, channel, attempts) in deliveries)
        {
            var log = Db.Query<(long Attempt, string Outcome, string? Error)>(
                temp.DatabasePath, "SELECT attempt, outcome, error FROM notification_attempts WHERE delivery_id = @id ORDER BY attempt", new { id });
            Assert.Equal(Enumerable.Range(1, (int)attempts).Select(a => (long)a), log.Select(a => a.Attempt));
            Assert.All(log[..^1], a => Assert.True(a is { Outcome: "retry", Error: not null }, $"{channel}: {a}"));
            Assert.Equal(("sent", null), (log[^1].Outcome, log[^1].Error));
        }

        // Each webhook attempt reached the receiver, so its log and the receiver agree.
        Assert.Equal(receiver.Requests.Count, deliveries.Where(d => d.Channel == "webhook:ops").Sum(d => d.Attempts));
    }

    private static long Sent(TempDirectory temp, params string[] channels) =>
        Db.Scalar<long>(temp.DatabasePath, "SELECT COUNT(*) FROM notification_deliveries WHERE status = 'sent' AND channel IN @channels", new { channels });

    private static long MinAttempts(TempDirectory temp, params string[] channels) =>
        Db.Scalar<long>(temp.DatabasePath, "SELECT MIN(attempts) FROM notification_deliveries WHERE channel IN @channels", new { channels });
}
