using Microsoft.Extensions.Options;
using MimeKit;
using QualityWatch.Api;
using QualityWatch.Hosting;
using QualityWatch.Notifications.Email;
using QualityWatch.Signing;

namespace QualityWatch.Notifications;

internal sealed class NotificationsOptionsValidator : IValidateOptions<NotificationsOptions>
{
    private static readonly string[] AllKinds = [NotificationKinds.Firing, NotificationKinds.Repeat, NotificationKinds.Resolved, NotificationKinds.Report];

    public ValidateOptionsResult Validate(string? name, NotificationsOptions o)
    {
        var errors = new List<string>();
        OptionRange.Positive(errors, "Notifications:DispatchInterval", o.DispatchInterval);
        OptionRange.Positive(errors, "Notifications:Retry:InitialDelay", o.Retry.InitialDelay);
        OptionRange.Positive(errors, "Notifications:Retry:MaxAge", o.Retry.MaxAge);
        if (o.Retry.MaxDelay < o.Retry.InitialDelay)
        {
            errors.Add($"Notifications:Retry:MaxDelay must be at least Notifications:Retry:InitialDelay ({o.Retry.InitialDelay}), was {o.Retry.MaxDelay}.");
        }

        OptionRange.Check(errors, "Notifications:Retry:MaxAttempts", o.Retry.MaxAttempts, 1, 1000);

        ValidateEmail(errors, o.Email);
        ValidateWebhooks(errors, o.Webhooks);
        ValidateAlertmanager(errors, o);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void ValidateEmail(List<string> errors, EmailOptions e)
    {
        Kinds(errors, "Notifications:Email:Kinds", e.Kinds);
        if (!e.Enabled)
        {
            return;
        }

        if (string.IsNullOrWhiteSpace(e.Host))
        {
            errors.Add("Notifications:Email:Host is required when Notifications:Email:Enabled is true.");
        }

        OptionRange.Check(errors, "Notifications:Email:Port", e.Port, 1, 65535);

        if (!Enum.IsDefined(e.Security))
        {
            errors.Add($"Notifications:Email:Security must be None, StartTls or SslOnConnect, was {e.Security}.");
        }

        if (!string.IsNullOrWhiteSpace(e.TrustedCertificateSha256) && CertificatePin.Normalize(e.TrustedCertificateSha256) is null)
        {
            errors.Add($"Notifications:Email:TrustedCertificateSha256 must be a SHA-256 fingerprint (64 hex digits), was '{e.TrustedCertificateSha256}'.");
        }

        if (!string.IsNullOrEmpty(e.Username) && e.Password is null)
        {
            errors.Add("Notifications:Email:Password is required when Notifications:Email:Username is set.");
        }

        if (e.Security == SmtpSecurity.None && !string.IsNullOrEmpty(e.Username) && !e.AllowPlaintextAuth && !ListenAddresses.IsLoopbackHost(e.Host))
        {
            // Without TLS, AUTH PLAIN/LOGIN is the password in base64 for anyone on the path to read.
            errors.Add(
                $"Notifications:Email:Security is None with Notifications:Email:Username set, so the password would cross the network to '{e.Host}' in clear text. " +
                "Use StartTls or SslOnConnect, or set Notifications:Email:AllowPlaintextAuth to true to accept that.");
        }

        if (string.IsNullOrWhiteSpace(e.From) || !MailboxAddress.TryParse(e.From, out _))
        {
            errors.Add($"Notifications:Email:From must be an email address, was '{e.From}'.");
        }

        if (e.To.Count == 0)
        {
            errors.Add("Notifications:Email:To needs at least one address when Notifications:Email:Enabled is true.");
        }

        for (var i = 0; i < e.To.Count; i++)
        {
            if (!MailboxAddress.TryParse(e.To[i], out _))
            {
                errors.Add($"Notifications:Email:To:{i} must be an email address, was '{e.To[i]}'.");
            }
        }

        OptionRange.Positive(errors, "Notifications:Email:Timeout", e.Timeout);
    }

    private static void ValidateWebhooks(List<string> errors, List<Webhook.WebhookEndpointOptions> hooks)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < hooks.Count; i++)
        {
            var hook = hooks[i];
            var key = $"Notifications:Webhooks:{i}";
            if (string.IsNullOrWhiteSpace(hook.Name))
            {
                errors.Add($"{key}:Name is required.");
            }
            else if (!names.Add(hook.Name))
            {
                errors.Add($"{key}:Name must be unique, '{hook.Name}' is used twice.");
            }

            if (hook.Url is not { IsAbsoluteUri: true, Scheme: "http" or "https" })
            {
                errors.Add($"{key}:Url must be an absolute http(s) URL, was '{hook.Url}'.");
            }

            if (string.IsNullOrEmpty(hook.Secret))
            {
                errors.Add($"{key}:Secret is required (whsec_<base64> or any text).");
            }
            else if (hook.Secret.StartsWith(WebhookSigner.SecretPrefix, StringComparison.Ordinal) && WebhookSigner.KeyOf(hook.Secret) is null)
            {
                errors.Add($"{key}:Secret starts with whsec_ but the rest is not valid base64.");
            }

            Kinds(errors, $"{key}:Kinds", hook.Kinds);
            OptionRange.Positive(errors, $"{key}:Timeout", hook.Timeout);
        }
    }

    private static void ValidateAlertmanager(List<string> errors, NotificationsOptions o)
    {
        var a = o.Alertmanager;
        if (!a.Enabled)
        {
            return;
        }

        if (a.Url is not { IsAbsoluteUri: true, Scheme: "http" or "https" })
        {
            errors.Add($"Notifications:Alertmanager:Url must be an absolute http(s) URL, was '{a.Url}'.");
        }

        if (a.GeneratorUrl is { IsAbsoluteUri: false })
        {
            errors.Add($"Notifications:Alertmanager:GeneratorUrl must be an absolute URL, was '{a.GeneratorUrl}'.");
        }

        if (a.ResendInterval < TimeSpan.FromMilliseconds(100))
        {
            errors.Add($"Notifications:Alertmanager:ResendInterval must be at least 00:00:00.1, was {a.ResendInterval}.");
        }

        OptionRange.Positive(errors, "Notifications:Alertmanager:Timeout", a.Timeout);
    }

    private static void Kinds(List<string> errors, string key, List<string> kinds)
    {
        foreach (var kind in kinds.Where(k => !AllKinds.Contains(k)))
        {
            errors.Add($"{key} may hold only firing, repeat, resolved or report (leave it out for all kinds), had '{kind}'.");
        }
    }
}
