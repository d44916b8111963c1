using MimeKit;

namespace QualityWatch.Notifications.Email;

/// <summary>The one SMTP seam: tests replace it only where a real server cannot show the case.</summary>
internal interface IMailGateway
{
    Task SendAsync(MimeMessage message, CancellationToken cancellationToken);
}
