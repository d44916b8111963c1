namespace QualityWatch.Notifications;

/// <summary>
/// One message to deliver: an alert firing / repeat / resolved, or a daily report. Every
/// notification says why it was sent (<see cref="Reason"/>); channels pick what they can carry.
/// <see cref="ConsoleUrl"/> is the console page it is about, absolute under <c>Console:PublicUrl</c> (null without one).
/// </summary>
internal sealed record Notification(
    string Kind,
    string Key,
    string Reason,
    string Subject,
    string TextBody,
    string? HtmlBody,
    IReadOnlyDictionary<string, string> Labels,
    IReadOnlyDictionary<string, string> Annotations,
    DateTimeOffset StartsAt,
    DateTimeOffset? EndsAt,
    string? EvidenceJson,
    IReadOnlyList<NotificationAttachment> Attachments,
    string? ConsoleUrl = null);
