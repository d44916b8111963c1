using System.Globalization;

namespace QualityWatch.Tests.Notifications;

/// <summary>Host settings with fast dispatch and short retries, so tests see several attempts in a second.</summary>
internal static class NotificationSettings
{
    public static Dictionary<string, string?> Fast(int maxAttempts = 50) => new()
    {
        ["Notifications:DispatchInterval"] = "00:00:00.100",
        ["Notifications:Retry:InitialDelay"] = "00:00:00.100",
        ["Notifications:Retry:MaxDelay"] = "00:00:00.200",
        ["Notifications:Retry:MaxAttempts"] = maxAttempts.ToString(CultureInfo.InvariantCulture),
    };

    public static Dictionary<string, string?> With(this Dictionary<string, string?> settings, params (string Key, string? Value)[] more)
    {
        foreach (var (key, value) in more)
        {
            settings[key] = value;
        }

        return settings;
    }

    public static Dictionary<string, string?> Webhook(this Dictionary<string, string?> settings, int index, string name, Uri url, string secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", string? kind = null)
    {
        settings.With(
            ($"Notifications:Webhooks:{index}:Name", name),
            ($"Notifications:Webhooks:{index}:Url", url.ToString()),
            ($"Notifications:Webhooks:{index}:Secret", secret));

        // No kind = the key left out, as an operator would (all kinds).
        return kind is null ? settings : settings.With(($"Notifications:Webhooks:{index}:Kinds:0", kind));
    }

    /// <summary>The email channel on a plain loopback SMTP server at <paramref name="port"/>.</summary>
    public static Dictionary<string, string?> Email(this Dictionary<string, string?> settings, int port, string security = "None") => settings.With(
        ("Notifications:Email:Enabled", "true"),
        ("Notifications:Email:Host", "127.0.0.1"),
        ("Notifications:Email:Port", port.ToString(CultureInfo.InvariantCulture)),
        ("Notifications:Email:Security", security),
        ("Notifications:Email:From", "QualityWatch <qw@example.com>"),
        ("Notifications:Email:To:0", "oncall@example.com"),
        ("Notifications:Email:To:1", "team@example.com"));

    /// <summary>The Alertmanager channel at <paramref name="url"/>, re-sending each <paramref name="resend"/>.</summary>
    public static Dictionary<string, string?> Alertmanager(this Dictionary<string, string?> settings, Uri url, string resend = "00:01:00") => settings.With(
        ("Notifications:Alertmanager:Enabled", "true"),
        ("Notifications:Alertmanager:Url", url.ToString()),
        ("Notifications:Alertmanager:ResendInterval", resend),
        ("Notifications:Alertmanager:GeneratorUrl", "http://qualitywatch.example/alerts"),
        ("Notifications:Alertmanager:Timeout", "00:00:02"));
}
