namespace QualityWatch.Incidents;

/// <summary>
/// One delivery of an incident's thread: its kind (firing, update, repeat, resolved), channel, status and time; a
/// notification no channel took has no channel and status <c>no_channel</c>.
/// </summary>
internal sealed record IncidentNotificationView(string NotificationId, string Kind, string? Channel, string Status, DateTimeOffset At, string Reason);
