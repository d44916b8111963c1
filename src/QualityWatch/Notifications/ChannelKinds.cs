namespace QualityWatch.Notifications;

/// <summary>The configured kinds filter shared by channels: empty means every kind.</summary>
internal static class ChannelKinds
{
    public static bool Accepts(IReadOnlyCollection<string> configured, string kind) =>
        configured.Count == 0 || configured.Contains(kind, StringComparer.Ordinal);
}
