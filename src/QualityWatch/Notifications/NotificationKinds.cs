namespace QualityWatch.Notifications;

internal static class NotificationKinds
{
    public const string Firing = "firing";
    public const string Repeat = "repeat";

    /// <summary>A further signal joined an open incident, or one of several cleared: a message in the incident's thread, not a page.</summary>
    public const string Update = "update";
    public const string Resolved = "resolved";
    public const string Report = "report";
}
