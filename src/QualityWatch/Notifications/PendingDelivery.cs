namespace QualityWatch.Notifications;

/// <summary>A due delivery as the dispatcher loads it.</summary>
internal sealed record PendingDelivery(long Id, string Channel, long Attempts, long CreatedAt, StoredNotification Notification);
