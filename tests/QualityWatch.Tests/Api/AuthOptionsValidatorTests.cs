using Microsoft.Extensions.Options;
using QualityWatch.Api;

namespace QualityWatch.Tests.Api;

public sealed class AuthOptionsValidatorTests
{
    private const string Secret = "a-key-of-sixteen-chars";

    [Fact]
    public void NoKeys_OnLoopback_IsValid() => Assert.True(Validate(new AuthOptions()).Succeeded);

    [Fact]
    public void WellFormedKeys_AreValid() =>
        Assert.True(Validate(Keys(Key("shipper", Secret, "ingest"), Key("operator", Secret + "2", "admin", "read", "review"))).Succeeded);

    [Fact]
    public void ShortKey_NamesTheKeyNotTheSecret()
    {
        var message = Validate(Keys(Key("shipper", "short-secret", "ingest"))).FailureMessage;

        Assert.Contains("Auth:Keys:0 ('shipper'): Key must be at least 16 characters", message, StringComparison.Ordinal);
        Assert.DoesNotContain("short-secret", message, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingName_IsRefused() =>
        Assert.Contains("Auth:Keys:0:Name must be set", Validate(Keys(Key("", Secret, "read"))).FailureMessage, StringComparison.Ordinal);

    [Fact]
    public void DuplicateName_NamesBothKeys() =>
        Assert.Contains(
            "Auth:Keys:1:Name 'Shipper' is also the name of Auth:Keys:0",
            Validate(Keys(Key("shipper", Secret, "ingest"), Key("Shipper", Secret + "2", "read"))).FailureMessage,
            StringComparison.Ordinal);

    [Fact]
    public void DuplicateSecret_NamesBothKeys_AlsoAgainstIngestApiKeys()
    {
        Assert.Contains(
            "Auth:Keys:1 ('grafana'): Key is the same as Auth:Keys:0 ('shipper')'s",
            Validate(Keys(Key("shipper", Secret, "ingest"), Key("grafana", Secret, "read"))).FailureMessage,
            StringComparison.Ordinal);
        Assert.Contains(
            "Auth:Keys:0 ('shipper'): Key is the same as Ingest:ApiKeys:0's",
            Validate(Keys(Key("shipper", Secret, "ingest")), ingestKeys: [Secret]).FailureMessage,
            StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownRole_AndNoRole_AreRefused()
    {
        var message = Validate(Keys(Key("shipper", Secret, "write"), Key("grafana", Secret + "2"))).FailureMessage;

        Assert.Contains("Auth:Keys:0 ('shipper'): Roles:0 is 'write', which is not a role; use ingest, read, review, admin", message, StringComparison.Ordinal);
        Assert.Contains("Auth:Keys:1 ('grafana'): Roles must name at least one of ingest, read, review, admin", message, StringComparison.Ordinal);
    }

    [Fact]
    public void NoKeys_BeyondLoopback_IsRefused_AndAnAuthKeyOrAnIngestKeyAllowsIt()
    {
        var exposed = new Dictionary<string, string?> { ["urls"] = "http://0.0.0.0:8080" };

        Assert.Contains(
            "Auth:Keys and Ingest:ApiKeys are empty but the service listens on http://0.0.0.0:8080 (urls), which is not loopback",
            Validate(new AuthOptions(), exposed).FailureMessage,
            StringComparison.Ordinal);
        Assert.True(Validate(Keys(Key("shipper", Secret, "ingest")), exposed).Succeeded);
        Assert.True(Validate(new AuthOptions(), exposed, [Secret]).Succeeded);
    }

    private static ApiKeyOptions Key(string name, string key, params string[] roles) => new() { Name = name, Key = key, Roles = [.. roles] };

    private static AuthOptions Keys(params ApiKeyOptions[] keys) => new() { Keys = [.. keys] };

    private static ValidateOptionsResult Validate(AuthOptions options, IDictionary<string, string?>? settings = null, string[]? ingestKeys = null)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings ?? new Dictionary<string, string?> { ["urls"] = "http://127.0.0.1:8080" })
            .Build();
        return new AuthOptionsValidator(configuration, Options.Create(new LegacyKeyOptions { ApiKeys = [.. ingestKeys ?? []] })).Validate(null, options);
    }
}
