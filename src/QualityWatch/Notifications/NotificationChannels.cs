namespace QualityWatch.Notifications;

/// <summary>The enabled channels, built once from options; the dispatcher finds a delivery's channel by name.</summary>
internal sealed class NotificationChannels(IEnumerable<INotificationChannel> channels)
{
    public IReadOnlyList<INotificationChannel> All { get; } = [.. channels];

    public INotificationChannel? Find(string name) => All.FirstOrDefault(c => c.Name == name);
}
