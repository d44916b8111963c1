namespace QualityWatch.Notifications;

/// <summary>A notification as the outbox keeps it: its id is stable across every retry (the webhook-id).</summary>
internal sealed record StoredNotification(string Id, DateTimeOffset CreatedAt, Notification Notification);
