using QualityWatch.Notifications.Alertmanager;
using QualityWatch.Notifications.Email;
using QualityWatch.Notifications.Webhook;

namespace QualityWatch.Notifications;

/// <summary>Where notifications go and how hard delivery tries. Section <c>Notifications</c>; every channel is off by default.</summary>
internal sealed class NotificationsOptions
{
    public const string SectionName = "Notifications";

    /// <summary>Email over SMTP (MailKit).</summary>
    public EmailOptions Email { get; set; } = new();

    /// <summary>Signed JSON webhooks (Standard Webhooks); empty (default) = none.</summary>
    public List<WebhookEndpointOptions> Webhooks { get; set; } = [];

    /// <summary>Prometheus Alertmanager v2 API.</summary>
    public AlertmanagerOptions Alertmanager { get; set; } = new();

    /// <summary>Backoff and give-up rules per delivery.</summary>
    public NotificationRetryOptions Retry { get; set; } = new();

    /// <summary>How often the dispatcher looks for due deliveries when nothing rings it. Default 5 s.</summary>
    public TimeSpan DispatchInterval { get; set; } = TimeSpan.FromSeconds(5);
}
