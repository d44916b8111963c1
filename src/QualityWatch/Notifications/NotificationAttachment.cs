namespace QualityWatch.Notifications;

/// <summary>A file carried with a notification, e.g. the daily report's trend chart (inline in email HTML by ContentId).</summary>
internal sealed record NotificationAttachment(string FileName, string ContentType, byte[] Content, string? ContentId);
