using Microsoft.Extensions.Options;
using QualityWatch.Notifications;
using QualityWatch.Notifications.Alertmanager;

namespace QualityWatch.Tests.WebConsole;

/// <summary>Alertmanager's "Source" link: the alert's own console page when there is one, else the configured fixed URL.</summary>
public sealed class ConsoleLinksInNotificationsTests
{
    [Theory]
    [InlineData("https://qw.example.com/alerts/abc", "https://qw.example.com/alerts/abc")]
    [InlineData(null, "http://fixed.example/")]
    public void AlertmanagerGeneratorUrl_IsTheConsolePage_WhenTheNotificationHasOne(string? consoleUrl, string expected)
    {
        var options = new NotificationsOptions();
        options.Alertmanager.GeneratorUrl = new Uri("http://fixed.example/");
        var client = new AlertmanagerClient(new NoClients(), Options.Create(options));
        var notification = new Notification(
            NotificationKinds.Firing, "rule/support/", "firing", "subject", "text", null,
            new Dictionary<string, string>(), new Dictionary<string, string>(), DateTimeOffset.UnixEpoch, null, null, [], consoleUrl);

        var alert = client.ToAlert(new StoredNotification("msg_1", DateTimeOffset.UnixEpoch, notification));

        Assert.Equal(expected, alert.GeneratorUrl);
    }

    private sealed class NoClients : IHttpClientFactory
    {
        public HttpClient CreateClient(string name) => throw new InvalidOperationException("no HTTP in this test");
    }
}
