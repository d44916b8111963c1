using QualityWatch.Notifications;
using QualityWatch.Tests.Support;

namespace QualityWatch.Tests.Notifications;

/// <summary>Every delivery attempt shows on <c>/metrics</c> as <c>qualitywatch_notifications_total{channel,outcome}</c>.</summary>
public sealed class NotificationMetricsTests
{
    [Fact]
    public async Task WebhookDownOnceThenUp_ScrapeCountsOneRetryAndOneSent()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Respond = n => n == 1 ? 503 : 200;
        using var temp = new TempDirectory();
        await using var host = await InProcessHost.StartAsync(temp.DatabasePath, NotificationSettings.Fast().Webhook(0, "ops", receiver.Url, "plain-secret"));

        await host.Services.GetRequiredService<INotificationOutbox>().EnqueueAsync(SomeNotification.Firing(), CancellationToken.None);

        var scrape = await MetricsScrape.FetchUntilAsync(host.Client, s => s.Sum("qualitywatch_notifications_total", ("outcome", "sent")) >= 1);
        Assert.Equal(1, scrape.Sum("qualitywatch_notifications_total", ("channel", "webhook:ops"), ("outcome", "retry")));
        Assert.Equal(1, scrape.Sum("qualitywatch_notifications_total", ("channel", "webhook:ops"), ("outcome", "sent")));
        Assert.Equal(0, scrape.Sum("qualitywatch_notifications_total", ("outcome", "failed")));
        Assert.Equal(2, receiver.Requests.Count);
    }
}
