using System.Text.Json;

namespace QualityWatch.Notifications.Webhook;

/// <summary>The notification as webhook receivers see it (attachments by name only).</summary>
internal sealed record WebhookData(
    string Id,
    string Kind,
    string Key,
    string Reason,
    string Subject,
    string Text,
    IReadOnlyDictionary<string, string> Labels,
    IReadOnlyDictionary<string, string> Annotations,
    DateTimeOffset StartsAt,
    DateTimeOffset? EndsAt,
    JsonElement? Evidence,
    IReadOnlyList<string> Attachments,
    string? ConsoleUrl)
{
    /// <summary>The incident the notification belongs to (the same on its page, updates and resolve); null for reports.</summary>
    public string? IncidentId => Labels.TryGetValue(IncidentThread.Label, out var id) ? id : null;
}
