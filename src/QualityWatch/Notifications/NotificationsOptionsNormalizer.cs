using Microsoft.Extensions.Options;

namespace QualityWatch.Notifications;

/// <summary>
/// Drops blank <c>Kinds</c> entries before validation: the binder turns an empty value
/// (<c>Notifications__Webhooks__0__Kinds__0=</c>, a null in JSON) into "", which means "not set"
/// (all kinds), not a kind named "". A misspelt kind still fails validation.
/// </summary>
internal sealed class NotificationsOptionsNormalizer : IPostConfigureOptions<NotificationsOptions>
{
    public void PostConfigure(string? name, NotificationsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Normalize(options.Email.Kinds);
        foreach (var hook in options.Webhooks)
        {
            Normalize(hook.Kinds);
        }
    }

    private static void Normalize(List<string> kinds)
    {
        kinds.RemoveAll(string.IsNullOrWhiteSpace);
        for (var i = 0; i < kinds.Count; i++)
        {
            kinds[i] = kinds[i].Trim();
        }
    }
}
