using MimeKit;
using QualityWatch.Notifications;
using QualityWatch.Tests.Support;

namespace QualityWatch.Tests.Notifications;

public sealed class EmailChannelTests
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3, 4, 5];

    [Fact]
    public async Task Email_ReportWithChart_ArrivesAsAlternativeBodiesWithInlineImage()
    {
        await using var smtp = await SmtpTestServer.StartAsync();
        using var temp = new TempDirectory();
        await using var host = await InProcessHost.StartAsync(temp.DatabasePath, NotificationSettings.Fast().Email(smtp.Port));

        await host.Services.GetRequiredService<INotificationOutbox>().EnqueueAsync(SomeNotification.Report(Png), CancellationToken.None);

        Assert.True(await Eventually.TrueAsync(() => !smtp.Messages.IsEmpty), "no email reached the SMTP server");
        var message = Assert.Single(smtp.Messages);
        Assert.Equal("QualityWatch daily report 2026-11-23", message.Subject);
        Assert.Equal("qw@example.com", message.From.Mailboxes.Single().Address);
        Assert.Equal(["oncall@example.com", "team@example.com"], message.To.Mailboxes.Select(m => m.Address));
        Assert.Contains("Accuracy 4.4", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("cid:trend-chart", message.HtmlBody, StringComparison.Ordinal);
        Assert.Equal("daily report schedule", message.Headers["X-QualityWatch-Reason"]);

        // MimeKit's layout for text + HTML with inline images: the image belongs to the HTML
        // alternative only, so text-only readers never see it as a stray attachment.
        var alternative = Assert.IsType<MultipartAlternative>(message.Body);
        Assert.Equal("multipart/alternative", alternative.ContentType.MimeType);
        Assert.Equal("text/plain", alternative[0].ContentType.MimeType);
        var related = Assert.IsType<MultipartRelated>(alternative[^1]);
        Assert.Equal("text/html", related.Root?.ContentType.MimeType);
        Assert.Contains(related, part => part.ContentId == "trend-chart");
        var image = Assert.Single(message.BodyParts.OfType<MimePart>(), p => p.ContentId == "trend-chart");
        Assert.Equal("image/png", image.ContentType.MimeType);
        using var content = new MemoryStream();
        await image.Content!.DecodeToAsync(content);
        Assert.Equal(Png, content.ToArray());

        Assert.True(await Eventually.TrueAsync(() => Db.Scalar<string>(temp.DatabasePath, "SELECT status FROM notification_deliveries WHERE channel = 'email'") == "sent"));
        Assert.Equal("daily report schedule", Db.Scalar<string>(temp.DatabasePath, "SELECT reason FROM notification_deliveries WHERE channel = 'email'"));
    }

    [Fact]
    public async Task Email_WithCredentials_AuthenticatesAndSendsAlert()
    {
        await using var smtp = await SmtpTestServer.StartAsync("qw-user", "s3cret-pass");
        using var temp = new TempDirectory();
        var settings = NotificationSettings.Fast().Email(smtp.Port).With(("Notifications:Email:Username", "qw-user"), ("Notifications:Email:Password", "s3cret-pass"));
        await using var host = await InProcessHost.StartAsync(temp.DatabasePath, settings);

        await host.Services.GetRequiredService<INotificationOutbox>().EnqueueAsync(SomeNotification.Firing(), CancellationToken.None);

        Assert.True(await Eventually.TrueAsync(() => !smtp.Messages.IsEmpty), "no email reached the SMTP server");
        Assert.Equal(["qw-user"], smtp.AuthenticatedUsers);
        var message = Assert.Single(smtp.Messages);
        Assert.Equal("[FIRING] Hallucination rate 9.1% on support", message.Subject);
        Assert.Contains("9.1%", message.HtmlBody, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("StartTls", false)]
    [InlineData("SslOnConnect", true)]
    public async Task Email_Tls_EncryptsEverySessionAndUsesANewConnectionPerSend(string security, bool implicitTls)
    {
        using var certificate = TestCertificate.Create();
        await using var smtp = await SmtpTestServer.StartTlsAsync(certificate, implicitTls, "qw-user", "s3cret-pass");
        using var temp = new TempDirectory();
        var settings = NotificationSettings.Fast().Email(smtp.Port, security).With(
            ("Notifications:Email:TrustedCertificateSha256", TestCertificate.Sha256(certificate)),
            ("Notifications:Email:Username", "qw-user"),
            ("Notifications:Email:Password", "s3cret-pass"));
        await using var host = await InProcessHost.StartAsync(temp.DatabasePath, settings);
        var outbox = host.Services.GetRequiredService<INotificationOutbox>();

        await outbox.EnqueueAsync(SomeNotification.Firing(), CancellationToken.None);
        await outbox.EnqueueAsync(SomeNotification.Report(Png), CancellationToken.None);

        Assert.True(await Eventually.TrueAsync(() => smtp.Messages.Count == 2), "the emails did not arrive: " + Db.Scalar<string?>(temp.DatabasePath, "SELECT last_error FROM notification_deliveries WHERE last_error IS NOT NULL"));
        Assert.All(smtp.Sessions, s => Assert.True(s.Secure, "a message was sent without TLS"));
        Assert.Equal(2, smtp.Sessions.Select(s => s.Session).Distinct().Count());
        Assert.Equal(["qw-user", "qw-user"], smtp.AuthenticatedUsers);
    }

    [Fact]
    public async Task Email_UntrustedCertificateWithoutPin_IsRefusedAndRetried()
    {
        using var certificate = TestCertificate.Create();
        await using var smtp = await SmtpTestServer.StartTlsAsync(certificate, implicitTls: false);
        using var temp = new TempDirectory();
        await using var host = await InProcessHost.StartAsync(temp.DatabasePath, NotificationSettings.Fast().Email(smtp.Port, "StartTls"));

        await host.Services.GetRequiredService<INotificationOutbox>().EnqueueAsync(SomeNotification.Firing(), CancellationToken.None);

        Assert.True(await Eventually.TrueAsync(() => Db.Scalar<long>(temp.DatabasePath, "SELECT attempts FROM notification_deliveries") >= 2));
        Assert.Equal("pending", Db.Scalar<string>(temp.DatabasePath, "SELECT status FROM notification_deliveries"));
        Assert.StartsWith("SslHandshakeException", Db.Scalar<string>(temp.DatabasePath, "SELECT last_error FROM notification_deliveries"), StringComparison.Ordinal);
        Assert.Empty(smtp.Messages);
    }

    [Fact]
    public async Task Email_ServerThatNeverAnswers_TimesOutAndIsRetried()
    {
        using var silent = new SilentServer();
        using var temp = new TempDirectory();
        var settings = NotificationSettings.Fast().Email(silent.Port).With(("Notifications:Email:Timeout", "00:00:01"));
        await using var host = await InProcessHost.StartAsync(temp.DatabasePath, settings);

        await host.Services.GetRequiredService<INotificationOutbox>().EnqueueAsync(SomeNotification.Firing(), CancellationToken.None);

        Assert.True(await Eventually.TrueAsync(() => Db.Scalar<long>(temp.DatabasePath, "SELECT attempts FROM notification_deliveries") >= 2));
        Assert.Equal("pending", Db.Scalar<string>(temp.DatabasePath, "SELECT status FROM notification_deliveries"));
        Assert.Equal(["timed out after 00:00:01"], Db.Query<string>(temp.DatabasePath, "SELECT DISTINCT error FROM notification_attempts"));
        Assert.True(silent.Connections >= 2, "each attempt should open its own connection");
    }

    [Fact]
    public async Task Email_ServerDownThenUp_DeliversOnceAfterRetry()
    {
        var port = SmtpTestServer.FreePort();
        using var temp = new TempDirectory();
        await using var host = await InProcessHost.StartAsync(temp.DatabasePath, NotificationSettings.Fast().Email(port));
        await host.Services.GetRequiredService<INotificationOutbox>().EnqueueAsync(SomeNotification.Firing(), CancellationToken.None);

        Assert.True(await Eventually.TrueAsync(() => Db.Scalar<long>(temp.DatabasePath, "SELECT attempts FROM notification_deliveries") >= 2));
        Assert.Equal("pending", Db.Scalar<string>(temp.DatabasePath, "SELECT status FROM notification_deliveries"));
        Assert.NotNull(Db.Scalar<string?>(temp.DatabasePath, "SELECT last_error FROM notification_deliveries"));

        await using var smtp = await SmtpTestServer.StartOnPortAsync(port);
        Assert.True(await Eventually.TrueAsync(() => Db.Scalar<string>(temp.DatabasePath, "SELECT status FROM notification_deliveries") == "sent"));
        Assert.True(await Eventually.StaysAsync(() => smtp.Messages.Count == 1, TimeSpan.FromMilliseconds(500)), $"{smtp.Messages.Count} messages");
    }
}
