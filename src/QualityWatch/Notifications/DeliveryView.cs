namespace QualityWatch.Notifications;

/// <summary>One delivery (a notification on one channel) as <c>GET /v1/notifications</c> shows it.</summary>
internal sealed record DeliveryView(
    long Id,
    string NotificationId,
    string Channel,
    string Kind,
    string Key,
    string Reason,
    string Subject,
    string Status,
    long Attempts,
    string? LastError,
    DateTimeOffset? NextAttemptAt,
    DateTimeOffset? SentAt,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    /// <summary>Every attempt, oldest first; only in <c>GET /v1/notifications/{id}</c>.</summary>
    public IReadOnlyList<AttemptView>? AttemptLog { get; init; }
}
