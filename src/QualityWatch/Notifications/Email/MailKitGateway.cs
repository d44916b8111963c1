using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace QualityWatch.Notifications.Email;

/// <summary>MailKit behind the gateway: a new <see cref="SmtpClient"/> per send, so no connection state outlives a message.</summary>
internal sealed class MailKitGateway(IOptions<NotificationsOptions> options) : IMailGateway
{
    private readonly EmailOptions email = options.Value.Email;

    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        // The channel's cancellation token bounds the whole send (Notifications:Email:Timeout).
        using var client = new SmtpClient();
        if (!string.IsNullOrWhiteSpace(email.TrustedCertificateSha256))
        {
            // A pinned certificate replaces MailKit's own check only for this server.
            client.ServerCertificateValidationCallback = CertificatePin.Callback(email.TrustedCertificateSha256);
        }

        var security = email.Security switch
        {
            SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
            SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
            _ => SecureSocketOptions.None,
        };
        await client.ConnectAsync(email.Host!, email.Port, security, cancellationToken);
        if (!string.IsNullOrEmpty(email.Username))
        {
            await client.AuthenticateAsync(email.Username, email.Password ?? "", cancellationToken);
        }

        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }
}
