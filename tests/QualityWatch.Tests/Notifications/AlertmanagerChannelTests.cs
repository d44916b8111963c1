using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using QualityWatch.Notifications;
using QualityWatch.Tests.Support;

namespace QualityWatch.Tests.Notifications;

/// <summary>Against the real Alertmanager binary, asserted through its own v2 API.</summary>
public sealed class AlertmanagerChannelTests
{
    private const string AlertName = "HallucinationRateHigh";

    [Fact]
    public async Task Alertmanager_FiringThenResolve_ShowsUpWithLabelsThenLeavesActiveAlerts()
    {
        await using var alertmanager = await AlertmanagerProcess.StartAsync();
        using var temp = new TempDirectory();
        await using var host = await InProcessHost.StartAsync(temp.DatabasePath, Settings(alertmanager.Url));
        var outbox = host.Services.GetRequiredService<INotificationOutbox>();

        await outbox.EnqueueAsync(SomeNotification.Firing(), CancellationToken.None);

        Assert.True(await Eventually.TrueAsync(async () => (await alertmanager.AlertsAsync(AlertName)).Count == 1), "the firing alert never reached Alertmanager\n" + alertmanager.Output);
        var alert = Assert.Single(await alertmanager.AlertsAsync(AlertName));
        Assert.Equal("active", alert.GetProperty("status").GetProperty("state").GetString());
        var labels = alert.GetProperty("labels");
        Assert.Equal("page", labels.GetProperty("severity").GetString());
        Assert.Equal("support", labels.GetProperty("stream").GetString());
        Assert.Equal("v42", labels.GetProperty("prompt_version").GetString());
        var annotations = alert.GetProperty("annotations");
        Assert.Equal("Hallucination rate 9.1% on support", annotations.GetProperty("summary").GetString());
        Assert.Equal("rule hallucination_rate > 5% for stream support", annotations.GetProperty("reason").GetString());
        Assert.Contains("\"hallucinations\":27", annotations.GetProperty("evidence").GetString(), StringComparison.Ordinal);
        Assert.Equal("http://qualitywatch.example/alerts", alert.GetProperty("generatorURL").GetString());
        Assert.Equal(new DateTimeOffset(2026, 11, 24, 10, 0, 0, TimeSpan.Zero), alert.GetProperty("startsAt").GetDateTimeOffset());

        await outbox.EnqueueAsync(SomeNotification.Resolved(), CancellationToken.None);

        Assert.True(await Eventually.TrueAsync(async () => (await alertmanager.AlertsAsync(AlertName)).Count == 0), "the resolve did not end the alert");
        Assert.True(await Eventually.TrueAsync(() => Db.Scalar<long>(temp.DatabasePath, "SELECT COUNT(*) FROM notification_deliveries WHERE channel = 'alertmanager' AND status = 'sent'") == 2));
        Assert.Equal(0, Db.Scalar<long>(temp.DatabasePath, "SELECT COUNT(*) FROM alertmanager_active"));
    }

    [Fact]
    public async Task Alertmanager_Report_IsNotSentThere()
    {
        await using var alertmanager = await AlertmanagerProcess.StartAsync();
        using var temp = new TempDirectory();
        await using var host = await InProcessHost.StartAsync(temp.DatabasePath, Settings(alertmanager.Url));

        await host.Services.GetRequiredService<INotificationOutbox>().EnqueueAsync(SomeNotification.Report([1, 2, 3]), CancellationToken.None);

        Assert.Equal(1, Db.Scalar<long>(temp.DatabasePath, "SELECT COUNT(*) FROM notifications"));
        Assert.Equal(0, Db.Scalar<long>(temp.DatabasePath, "SELECT COUNT(*) FROM notification_deliveries"));
    }

    [Fact]
    public async Task Alertmanager_WhileFiring_ResendsEachIntervalOnTheClock()
    {
        await using var alertmanager = await AlertmanagerProcess.StartAsync();
        using var temp = new TempDirectory();
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var harness = await NotificationHarness.StartAsync(temp.DatabasePath, time, Settings(alertmanager.Url, resend: "00:01:00"));

        await harness.EnqueueAsync(SomeNotification.Firing());
        Assert.Equal(1, await harness.RunAsync());
        var first = await UpdatedAtAsync(alertmanager);

        // Not yet due: nothing is posted, however often the lane runs.
        time.Advance(TimeSpan.FromSeconds(59));
        await Task.Delay(20);
        Assert.Equal(0, await harness.RunAsync());
        Assert.Equal(first, await UpdatedAtAsync(alertmanager));

        time.Advance(TimeSpan.FromSeconds(1));
        await harness.RunAsync();
        var second = await UpdatedAtAsync(alertmanager);
        Assert.True(second > first, $"not re-sent: updatedAt {first:O} then {second:O}");
        Assert.Contains(harness.Logs.GetSnapshot(), r => r.Is(5006));

        // After the resolve, re-sending stops for good.
        await harness.EnqueueAsync(SomeNotification.Resolved());
        await harness.RunAsync();
        time.Advance(TimeSpan.FromMinutes(5));
        await harness.RunAsync();
        Assert.Empty(await alertmanager.AlertsAsync(AlertName));
        Assert.Single(harness.Logs.GetSnapshot(), r => r.Is(5006));
    }

    [Fact]
    public async Task Alertmanager_FiringAlert_IsStillResentAfterARestart()
    {
        await using var alertmanager = await AlertmanagerProcess.StartAsync();
        using var temp = new TempDirectory();
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        DateTimeOffset first;
        await using (var before = await NotificationHarness.StartAsync(temp.DatabasePath, time, Settings(alertmanager.Url)))
        {
            await before.EnqueueAsync(SomeNotification.Firing());
            Assert.Equal(1, await before.RunAsync());
            first = await UpdatedAtAsync(alertmanager);
        }

        // A new process over the same database file, one interval later.
        time.Advance(TimeSpan.FromMinutes(1));
        await Task.Delay(20);
        await using var after = await NotificationHarness.StartAsync(temp.DatabasePath, time, Settings(alertmanager.Url));
        Assert.Equal(0, await after.RunAsync());

        Assert.True(await UpdatedAtAsync(alertmanager) > first, "the firing alert was not re-sent after the restart");
        Assert.Contains(after.Logs.GetSnapshot(), r => r.Is(5006));
    }

    [Fact]
    public async Task Alertmanager_ResendShorterThanResolveTimeout_KeepsTheAlertActive()
    {
        // resolve_timeout 2 s: an alert posted once is gone after 2 s; re-sent each 300 ms it stays.
        await using var alertmanager = await AlertmanagerProcess.StartAsync(resolveTimeout: TimeSpan.FromSeconds(2));
        using var temp = new TempDirectory();
        await using var host = await InProcessHost.StartAsync(temp.DatabasePath, Settings(alertmanager.Url, resend: "00:00:00.300"));

        await host.Services.GetRequiredService<INotificationOutbox>().EnqueueAsync(SomeNotification.Firing(), CancellationToken.None);
        Assert.True(await Eventually.TrueAsync(async () => (await alertmanager.AlertsAsync(AlertName)).Count == 1));
        var firstEnd = Assert.Single(await alertmanager.AlertsAsync(AlertName)).GetProperty("endsAt").GetDateTimeOffset();

        // Past Alertmanager's 2 s resolve timeout the alert stays active only because it is re-sent.
        Assert.True(await Eventually.StaysAsync(async () => await ActiveAsync(alertmanager), TimeSpan.FromSeconds(4)), "the alert expired in Alertmanager");

        var alert = Assert.Single(await alertmanager.AlertsAsync(AlertName));
        Assert.Equal("active", alert.GetProperty("status").GetProperty("state").GetString());
        Assert.True(alert.GetProperty("endsAt").GetDateTimeOffset() > firstEnd.AddSeconds(2), "Alertmanager's expiry did not move forward");
    }

    [Fact]
    public async Task Alertmanager_DownThenUp_DeliversOnceAfterRetries()
    {
        var port = SmtpTestServer.FreePort();
        using var temp = new TempDirectory();
        await using var host = await InProcessHost.StartAsync(temp.DatabasePath, Settings(new Uri($"http://127.0.0.1:{port}")));
        await host.Services.GetRequiredService<INotificationOutbox>().EnqueueAsync(SomeNotification.Firing(), CancellationToken.None);

        Assert.True(await Eventually.TrueAsync(() => Db.Scalar<long>(temp.DatabasePath, "SELECT attempts FROM notification_deliveries") >= 2));
        Assert.Equal("pending", Db.Scalar<string>(temp.DatabasePath, "SELECT status FROM notification_deliveries"));
        Assert.Contains("HttpRequestException", Db.Scalar<string>(temp.DatabasePath, "SELECT last_error FROM notification_deliveries"), StringComparison.Ordinal);

        await using var alertmanager = await AlertmanagerProcess.StartAsync(port);

        Assert.True(await Eventually.TrueAsync(() => Db.Scalar<string>(temp.DatabasePath, "SELECT status FROM notification_deliveries") == "sent"));
        Assert.Single(await alertmanager.AlertsAsync(AlertName));
        var outcomes = Db.Query<string>(temp.DatabasePath, "SELECT outcome FROM notification_attempts ORDER BY attempt");
        Assert.Equal("sent", outcomes[^1]);
        Assert.All(outcomes[..^1], o => Assert.Equal("retry", o));
    }

    [Fact]
    public async Task Alertmanager_FiringRetriedAfterItsResolveWentOut_DoesNotReopenTheAlert()
    {
        var port = SmtpTestServer.FreePort();
        using var temp = new TempDirectory();
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var harness = await NotificationHarness.StartAsync(temp.DatabasePath, time, Settings(new Uri($"http://127.0.0.1:{port}")));

        // Alertmanager is down: the firing alert fails and waits out its backoff.
        await harness.EnqueueAsync(SomeNotification.Firing());
        await harness.RunAsync();
        Assert.Equal("retry", Db.Scalar<string>(temp.DatabasePath, "SELECT outcome FROM notification_attempts"));

        // It comes back and the resolve, due at once, goes out first.
        await using var alertmanager = await AlertmanagerProcess.StartAsync(port);
        await harness.EnqueueAsync(SomeNotification.Resolved());
        Assert.Equal(1, await harness.RunAsync());

        // Then the stale firing alert's retry falls due: it must not open the alert again.
        time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(1, await harness.RunAsync());
        Assert.Equal(2, Db.Scalar<long>(temp.DatabasePath, "SELECT COUNT(*) FROM notification_deliveries WHERE status = 'sent'"));
        Assert.Empty(await alertmanager.AlertsAsync(AlertName));
        Assert.Equal(0, Db.Scalar<long>(temp.DatabasePath, "SELECT COUNT(*) FROM alertmanager_active"));
        Assert.Contains(harness.Logs.GetSnapshot(), r => r.Is(5009));
    }

    private static async Task<bool> ActiveAsync(AlertmanagerProcess alertmanager) =>
        await alertmanager.AlertsAsync(AlertName) is [var alert] && alert.GetProperty("status").GetProperty("state").GetString() == "active";

    private static Dictionary<string, string?> Settings(Uri alertmanager, string resend = "00:01:00") =>
        NotificationSettings.Fast().Alertmanager(alertmanager, resend);

    private static async Task<DateTimeOffset> UpdatedAtAsync(AlertmanagerProcess alertmanager)
    {
        var alert = Assert.Single(await alertmanager.AlertsAsync(AlertName));
        return alert.GetProperty("updatedAt").GetDateTimeOffset();
    }
}
