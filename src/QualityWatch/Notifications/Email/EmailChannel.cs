using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;

namespace QualityWatch.Notifications.Email;

/// <summary>The email channel: every kind by default, to the configured recipients.</summary>
internal sealed class EmailChannel(IMailGateway gateway, IOptions<NotificationsOptions> options) : INotificationChannel
{
    private readonly EmailOptions email = options.Value.Email;

    public string Name => "email";

    public bool Accepts(string kind) => ChannelKinds.Accepts(email.Kinds, kind);

    public async Task<DeliveryResult> SendAsync(StoredNotification notification, CancellationToken cancellationToken)
    {
        // Timeout bounds the whole send (connect, TLS, AUTH, DATA), as a hung server may stall at any step.
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(email.Timeout);
        try
        {
            await gateway.SendAsync(EmailMessageFactory.Create(email, notification), timeout.Token);
            return DeliveryResult.Success;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return DeliveryResult.Retry($"timed out after {email.Timeout}");
        }
        catch (SmtpCommandException ex) when ((int)ex.StatusCode >= 500)
        {
            // 5xx is the server's final word (no such mailbox, message refused): retrying will not help.
            return DeliveryResult.Permanent($"SMTP {(int)ex.StatusCode}: {ex.Message}");
        }
        catch (SmtpCommandException ex)
        {
            return DeliveryResult.Retry($"SMTP {(int)ex.StatusCode}: {ex.Message}");
        }
        catch (AuthenticationException ex)
        {
            return DeliveryResult.Retry($"SMTP authentication failed: {ex.Message}");
        }
        catch (Exception ex) when (ex is SocketException or IOException or SmtpProtocolException or ServiceNotConnectedException or SslHandshakeException or TimeoutException)
        {
            return DeliveryResult.Retry($"{ex.GetType().Name}: {ex.Message}");
        }
    }
}
