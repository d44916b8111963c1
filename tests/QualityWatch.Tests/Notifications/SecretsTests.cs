using System.Text;
using Microsoft.Extensions.Logging.Testing;
using QualityWatch.Notifications;
using QualityWatch.Tests.Support;

namespace QualityWatch.Tests.Notifications;

/// <summary>The SMTP password and the webhook secret never reach the logs, the database or the API.</summary>
public sealed class SecretsTests
{
    private const string SmtpPassword = "Wr0ng-smtp-Pa55word";
    private const string SecretKey = "c2VjcmV0LWtleS1ieXRlcy1mb3Itd2ViaG9va3M=";
    private const string WebhookSecret = "whsec_" + SecretKey;

    [Fact]
    public async Task Secrets_ThroughFailuresRetriesAndSends_AppearInNoLogDatabaseOrApiAnswer()
    {
        // The password is wrong, so SMTP AUTH fails on every attempt and its errors are logged and stored.
        await using var smtp = await SmtpTestServer.StartAsync("qw-user", "the-right-password");
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Respond = n => n <= 2 ? 503 : 200;
        using var temp = new TempDirectory();
        var logs = new FakeLogCollector();
        var settings = NotificationSettings.Fast().Email(smtp.Port).Webhook(0, "ops", receiver.Url, WebhookSecret).With(
            ("Notifications:Email:Username", "qw-user"),
            ("Notifications:Email:Password", SmtpPassword),
            ("Logging:LogLevel:Default", "Trace"));
        string api;
        await using (var host = await InProcessHost.StartAsync(temp.DatabasePath, settings, logs))
        {
            await host.Services.GetRequiredService<INotificationOutbox>().EnqueueAsync(SomeNotification.Firing(), CancellationToken.None);

            Assert.True(await Eventually.TrueAsync(() => receiver.Accepted.Any()
                && Db.Scalar<long>(temp.DatabasePath, "SELECT attempts FROM notification_deliveries WHERE channel = 'email'") >= 2));
            var id = Db.Scalar<string>(temp.DatabasePath, "SELECT id FROM notifications");
            api = await host.Client.GetStringAsync(new Uri("/v1/notifications", UriKind.Relative))
                + await host.Client.GetStringAsync(new Uri($"/v1/notifications/{id}", UriKind.Relative));
        }

        // The failures this test stands on really were logged, stored and shown.
        Assert.Contains(logs.GetSnapshot(), r => r.Is(5003) && r.Message.Contains("via email", StringComparison.Ordinal));
        Assert.Contains(logs.GetSnapshot(), r => r.Is(5003) && r.Message.Contains("via webhook:ops", StringComparison.Ordinal));
        Assert.Contains("SMTP authentication failed", api, StringComparison.Ordinal);
        Assert.Empty(smtp.Messages);

        var database = string.Concat(Directory.GetFiles(Path.GetDirectoryName(temp.DatabasePath)!).Select(f => Encoding.UTF8.GetString(File.ReadAllBytes(f))));
        Assert.Contains("SMTP authentication failed", database, StringComparison.Ordinal);
        foreach (var secret in new[] { SmtpPassword, WebhookSecret, SecretKey })
        {
            Assert.DoesNotContain(secret, logs.AllText(), StringComparison.Ordinal);
            Assert.DoesNotContain(secret, database, StringComparison.Ordinal);
            Assert.DoesNotContain(secret, api, StringComparison.Ordinal);
            Assert.DoesNotContain(receiver.Requests, r => r.Body.Contains(secret, StringComparison.Ordinal));
        }
    }
}
