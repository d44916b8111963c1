using Microsoft.Extensions.Options;
using QualityWatch.Api;
using QualityWatch.Telemetry;

namespace QualityWatch.Tests.Telemetry;

public sealed class MetricsOptionsValidatorTests
{
    [Fact]
    public void Defaults_AreValid() => Assert.True(Validate(new MetricsOptions()).Succeeded);

    [Theory]
    [InlineData("metrics", "Metrics:Path must be an absolute path")]
    [InlineData("/", "Metrics:Path must be an absolute path")]
    [InlineData("/me trics", "Metrics:Path must be an absolute path")]
    [InlineData("/v1/metrics", "collides with the service's own API")]
    public void Path_BadOrColliding_NamesTheKey(string path, string message) =>
        Assert.Contains(message, Validate(new MetricsOptions { Path = path }).FailureMessage, StringComparison.Ordinal);

    [Theory]
    [InlineData(0)]
    [InlineData(65536)]
    public void Port_OutOfRange_NamesTheKey(int port) =>
        Assert.Contains($"Metrics:Port must be between 1 and 65535, was {port}", Validate(new MetricsOptions { Port = port }).FailureMessage, StringComparison.Ordinal);

    [Fact]
    public void RequireApiKey_WithoutIngestKeys_IsRefused()
    {
        Assert.Contains("Metrics:RequireApiKey is true but no key in Auth:Keys has the read or admin role and Ingest:ApiKeys is empty", Validate(new MetricsOptions { RequireApiKey = true }).FailureMessage, StringComparison.Ordinal);
        Assert.True(Validate(new MetricsOptions { RequireApiKey = true }, "a-key-of-sixteen-chars").Succeeded);
    }

    [Theory]
    [InlineData("read", true)]
    [InlineData("admin", true)]
    [InlineData("ingest", false)]
    public void RequireApiKey_WithAuthKeys_NeedsOneThatMayRead(string role, bool valid)
    {
        var auth = new AuthOptions { Keys = [new ApiKeyOptions { Name = "scraper", Key = "a-key-of-sixteen-chars", Roles = [role] }] };

        Assert.Equal(valid, new MetricsOptionsValidator(Options.Create(new LegacyKeyOptions()), Options.Create(auth)).Validate(null, new MetricsOptions { RequireApiKey = true }).Succeeded);
    }

    [Fact]
    public void Caps_AndRefreshInterval_OutOfRange_NameTheirKeys()
    {
        var result = Validate(new MetricsOptions { MaxStreams = 0, MaxPromptVersionsPerStream = 1001, StateRefreshInterval = TimeSpan.FromMinutes(11) });

        Assert.Contains("Metrics:MaxStreams must be between 1 and 1000, was 0", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("Metrics:MaxPromptVersionsPerStream must be between 1 and 1000, was 1001", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("Metrics:StateRefreshInterval must be between", result.FailureMessage, StringComparison.Ordinal);
    }

    private static ValidateOptionsResult Validate(MetricsOptions options, params string[] ingestKeys) =>
        new MetricsOptionsValidator(Options.Create(new LegacyKeyOptions { ApiKeys = [.. ingestKeys] }), Options.Create(new AuthOptions())).Validate(null, options);
}
