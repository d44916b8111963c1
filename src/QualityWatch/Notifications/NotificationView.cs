namespace QualityWatch.Notifications;

/// <summary>A notification, why it was sent, and its delivery on every channel, as <c>GET /v1/notifications/{id}</c> shows it.</summary>
internal sealed record NotificationView(
    string Id,
    string Kind,
    string Key,
    string Reason,
    string Subject,
    IReadOnlyDictionary<string, string> Labels,
    DateTimeOffset StartsAt,
    DateTimeOffset? EndsAt,
    IReadOnlyList<string> Attachments,
    DateTimeOffset CreatedAt,
    IReadOnlyList<DeliveryView> Deliveries);
