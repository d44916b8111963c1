namespace QualityWatch.Notifications;

public static class NotificationKinds
{
    public const string Firing = "firing";
    public const string Repeat = "repeat";
    public const string Resolved = "resolved";
    public const string Report = "report";
}
