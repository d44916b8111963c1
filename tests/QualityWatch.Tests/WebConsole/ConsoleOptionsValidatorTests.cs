using QualityWatch.WebConsole;

namespace QualityWatch.Tests.WebConsole;

public sealed class ConsoleOptionsValidatorTests
{
    [Fact]
    public void Defaults_AreValid() => Assert.True(new ConsoleOptionsValidator().Validate(null, new ConsoleOptions()).Succeeded);

    [Theory]
    [InlineData("qualitywatch.example.com", "Console:PublicUrl")]
    [InlineData("ftp://qualitywatch.example.com", "Console:PublicUrl")]
    [InlineData("https://qualitywatch.example.com/?x=1", "Console:PublicUrl")]
    public void PublicUrl_NotAbsoluteHttp_IsRefusedNamingTheKey(string url, string key)
    {
        var result = new ConsoleOptionsValidator().Validate(null, new ConsoleOptions { PublicUrl = url });
        Assert.Contains(key, Assert.Single(result.Failures!), StringComparison.Ordinal);
    }

    [Fact]
    public void TrustedHeaderWithoutProxies_AndBadAddressesAndRoles_AreRefused()
    {
        var failures = new ConsoleOptionsValidator().Validate(null, new ConsoleOptions { TrustedUserHeader = "X-Forwarded-User" }).Failures!;
        Assert.Contains(failures, f => f.Contains("Console:TrustedProxies", StringComparison.Ordinal));

        failures = new ConsoleOptionsValidator().Validate(null, new ConsoleOptions
        {
            TrustedUserHeader = "X-Forwarded-User",
            TrustedProxies = ["10.0.0.0/24", "not-an-ip"],
            TrustedUserRoles = ["read", "superuser"],
        }).Failures!;
        Assert.Contains(failures, f => f.Contains("Console:TrustedProxies:1", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("Console:TrustedUserRoles:1", StringComparison.Ordinal));
        Assert.Equal(2, failures.Count());
    }
}
