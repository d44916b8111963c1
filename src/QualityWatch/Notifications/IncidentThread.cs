namespace QualityWatch.Notifications;

/// <summary>How a notification names its incident: the <c>incident_id</c> label, and the Message-ID of the thread's first page.</summary>
internal static class IncidentThread
{
    public const string Label = "incident_id";

    /// <summary>The Message-ID (without angle brackets) of the incident's first page, or null when the notification has no incident.</summary>
    public static string? RootMessageId(Notification notification)
    {
        ArgumentNullException.ThrowIfNull(notification);
        return notification.Labels.TryGetValue(Label, out var id) && id.Length > 0 ? $"{id}@qualitywatch" : null;
    }
}
