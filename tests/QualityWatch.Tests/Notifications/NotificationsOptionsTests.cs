using System.Text;
using Microsoft.Extensions.Options;
using QualityWatch.Notifications;
using QualityWatch.Notifications.Email;
using QualityWatch.Redaction;
using QualityWatch.Storage;

namespace QualityWatch.Tests.Notifications;

/// <summary>Binding and validation as the service does it: configuration → binder → normalizer → validator.</summary>
public sealed class NotificationsOptionsTests
{
    private static readonly string[] AllKinds = [NotificationKinds.Firing, NotificationKinds.Repeat, NotificationKinds.Resolved, NotificationKinds.Report];

    [Fact]
    public void Options_ShippedAppsettings_AllChannelsOffAndValid()
    {
        var options = Bind(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "appsettings.json")));

        Assert.False(options.Email.Enabled);
        Assert.Empty(options.Webhooks);
        Assert.False(options.Alertmanager.Enabled);
        Assert.Equal(TimeSpan.FromMinutes(1), options.Alertmanager.ResendInterval);
        Assert.Equal(20, options.Retry.MaxAttempts);
    }

    [Fact]
    public void Options_ShippedAppsettingsWithChannelsSwitchedOnByOverrides_IsValid()
    {
        var options = Bind(
            File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "appsettings.json")),
            ("Notifications:Email:Enabled", "true"),
            ("Notifications:Email:To:0", "oncall@example.com"),
            ("Notifications:Alertmanager:Enabled", "true"),
            ("Notifications:Webhooks:0:Name", "ops"),
            ("Notifications:Webhooks:0:Url", "https://hooks.example.com/qw"),
            ("Notifications:Webhooks:0:Secret", "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"));

        Assert.True(options.Email.Enabled);
        Assert.Equal(["oncall@example.com"], options.Email.To);
        Assert.Equal(new Uri("http://127.0.0.1:9093"), options.Alertmanager.Url);
        Assert.Null(options.Alertmanager.GeneratorUrl);
        Assert.Empty(Assert.Single(options.Webhooks).Kinds);
    }

    [Theory]
    [InlineData("""{ "Notifications": { "Webhooks": [ { "Name": "ops", "Url": "https://h.example/x", "Secret": "s" } ] } }""")]
    [InlineData("""{ "Notifications": { "Webhooks": [ { "Name": "ops", "Url": "https://h.example/x", "Secret": "s", "Kinds": [] } ] } }""")]
    [InlineData("""{ "Notifications": { "Webhooks": [ { "Name": "ops", "Url": "https://h.example/x", "Secret": "s", "Kinds": null } ] } }""")]
    [InlineData("""{ "Notifications": { "Webhooks": [ { "Name": "ops", "Url": "https://h.example/x", "Secret": "s", "Kinds": [ "" ] } ] } }""")]
    public void Options_WebhookKindsUnsetOrEmpty_TakesEveryKind(string json)
    {
        using var provider = Services(json);

        var hook = Assert.Single(provider.GetRequiredService<IOptions<NotificationsOptions>>().Value.Webhooks);
        var channel = Assert.Single(provider.GetRequiredService<NotificationChannels>().All);

        Assert.Empty(hook.Kinds);
        Assert.Equal("webhook:ops", channel.Name);
        Assert.All(AllKinds, kind => Assert.True(channel.Accepts(kind), kind));
    }

    [Fact]
    public void Options_WebhookKindFromAnEmptyEnvironmentVariable_TakesEveryKind()
    {
        // Notifications__Webhooks__0__Kinds__0= (set but empty) reaches the binder as "".
        var options = Bind(null, Hook(("Notifications:Webhooks:0:Kinds:0", "")));

        Assert.Empty(Assert.Single(options.Webhooks).Kinds);
    }

    [Fact]
    public void Options_WebhookKindsGiven_TakesOnlyThose()
    {
        using var provider = Services(null, Hook(("Notifications:Webhooks:0:Kinds:0", "report"), ("Notifications:Webhooks:0:Kinds:1", " resolved ")));

        var channel = Assert.Single(provider.GetRequiredService<NotificationChannels>().All);

        Assert.True(channel.Accepts(NotificationKinds.Report));
        Assert.True(channel.Accepts(NotificationKinds.Resolved));
        Assert.False(channel.Accepts(NotificationKinds.Firing));
        Assert.False(channel.Accepts(NotificationKinds.Repeat));
    }

    [Fact]
    public void Options_MisspeltKind_FailsNamingKeyAndValue()
    {
        var ex = Assert.Throws<OptionsValidationException>(() => Bind(null, Hook(("Notifications:Webhooks:0:Kinds:0", "firng"))));

        var error = Assert.Single(ex.Failures);
        Assert.StartsWith("Notifications:Webhooks:0:Kinds may hold only firing, repeat, update, resolved or report", error, StringComparison.Ordinal);
        Assert.Contains("'firng'", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_EnabledChannelsMissingTheirSettings_FailWithEveryKeyNamed()
    {
        var ex = Assert.Throws<OptionsValidationException>(() => Bind(
            null,
            ("Notifications:Email:Enabled", "true"),
            ("Notifications:Email:Username", "qw"),
            ("Notifications:Email:TrustedCertificateSha256", "AB:CD:EF"),
            ("Notifications:Alertmanager:Enabled", "true"),
            ("Notifications:Webhooks:0:Name", "ops"),
            ("Notifications:Webhooks:0:Url", "ftp://h.example/x"),
            ("Notifications:Webhooks:0:Secret", "whsec_%%%")));

        Assert.Contains(ex.Failures, f => f.StartsWith("Notifications:Email:Host is required", StringComparison.Ordinal));
        Assert.Contains(ex.Failures, f => f.StartsWith("Notifications:Email:Password is required", StringComparison.Ordinal));
        Assert.Contains(ex.Failures, f => f.StartsWith("Notifications:Email:From must be an email address", StringComparison.Ordinal));
        Assert.Contains(ex.Failures, f => f.StartsWith("Notifications:Email:TrustedCertificateSha256 must be a SHA-256 fingerprint", StringComparison.Ordinal));
        Assert.Contains(ex.Failures, f => f.StartsWith("Notifications:Email:To needs at least one address", StringComparison.Ordinal));
        Assert.Contains(ex.Failures, f => f.StartsWith("Notifications:Alertmanager:Url must be an absolute http(s) URL", StringComparison.Ordinal));
        Assert.Contains(ex.Failures, f => f.StartsWith("Notifications:Webhooks:0:Url must be an absolute http(s) URL", StringComparison.Ordinal));
        Assert.Contains(ex.Failures, f => f.StartsWith("Notifications:Webhooks:0:Secret starts with whsec_", StringComparison.Ordinal));
        Assert.DoesNotContain(ex.Failures, f => f.Contains("%%%", StringComparison.Ordinal));
    }

    [Fact]
    public void Options_SmtpAuthWithoutTlsToARemoteHost_FailsNamingTheKeys()
    {
        var ex = Assert.Throws<OptionsValidationException>(() => Bind(null, Email(("Notifications:Email:Host", "smtp.example.com"))));

        var error = Assert.Single(ex.Failures);
        Assert.StartsWith("Notifications:Email:Security is None with Notifications:Email:Username set", error, StringComparison.Ordinal);
        Assert.Contains("'smtp.example.com' in clear text", error, StringComparison.Ordinal);
        Assert.Contains("Notifications:Email:AllowPlaintextAuth", error, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret-password", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("smtp.example.com", "true")]
    [InlineData("127.0.0.1", "false")]
    [InlineData("localhost", "false")]
    [InlineData("::1", "false")]
    public void Options_SmtpAuthWithoutTlsAllowedOrOnLoopback_IsValid(string host, string allow)
    {
        var options = Bind(null, Email(("Notifications:Email:Host", host), ("Notifications:Email:AllowPlaintextAuth", allow)));

        Assert.Equal(SmtpSecurity.None, options.Email.Security);
        Assert.Equal(bool.Parse(allow), options.Email.AllowPlaintextAuth);
    }

    private static (string, string?)[] Email(params (string, string?)[] more) =>
    [
        ("Notifications:Email:Enabled", "true"),
        ("Notifications:Email:Security", "None"),
        ("Notifications:Email:Port", "25"),
        ("Notifications:Email:Username", "qualitywatch"),
        ("Notifications:Email:Password", "s3cret-password"),
        ("Notifications:Email:From", "qw@example.com"),
        ("Notifications:Email:To:0", "oncall@example.com"),
        .. more,
    ];

    [Fact]
    public void Options_DuplicateWebhookNames_Fail()
    {
        var ex = Assert.Throws<OptionsValidationException>(() => Bind(
            null,
            Hook().Concat([("Notifications:Webhooks:1:Name", "ops"), ("Notifications:Webhooks:1:Url", "https://h.example/y"), ("Notifications:Webhooks:1:Secret", "t")]).ToArray()));

        Assert.Contains("Notifications:Webhooks:1:Name must be unique, 'ops' is used twice.", ex.Failures);
    }

    private static (string, string?)[] Hook(params (string, string?)[] more) =>
        [("Notifications:Webhooks:0:Name", "ops"), ("Notifications:Webhooks:0:Url", "https://h.example/x"), ("Notifications:Webhooks:0:Secret", "s"), .. more];

    private static NotificationsOptions Bind(string? json, params (string Key, string? Value)[] settings)
    {
        using var provider = Services(json, settings);
        return provider.GetRequiredService<IOptions<NotificationsOptions>>().Value;
    }

    private static ServiceProvider Services(string? json, params (string Key, string? Value)[] settings)
    {
        var builder = new ConfigurationBuilder();
        if (json is not null)
        {
            builder.AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(json)));
        }

        builder.AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)));
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(builder.Build());
        services.AddLogging();
        services.AddSingleton(TimeProvider.System);
        services.AddStorage();
        services.AddRedaction();
        services.AddNotifications();
        return services.BuildServiceProvider();
    }
}
