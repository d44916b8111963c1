using Microsoft.Extensions.Options;
using QualityWatch.Hosting;
using QualityWatch.Tests.Support;

namespace QualityWatch.Tests.Trends;

public sealed class TrendsStartupTests : IDisposable
{
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    [Theory]
    [InlineData("Trends:TimeZone", "Mars/Base", "Trends:TimeZone 'Mars/Base' is not a known time zone.")]
    [InlineData("Trends:RollupInterval", "00:00:00", "Trends:RollupInterval must be between")]
    [InlineData("Reports:CatchUpDays", "0", "Reports:CatchUpDays must be between 1 and 31, was 0.")]
    [InlineData("Reports:HallucinationThreshold", "5", "Reports:HallucinationThreshold must be a fraction between 0 and 1")]
    public void Build_InvalidSetting_FailsNamingTheKey(string key, string value, string message)
    {
        var ex = Assert.Throws<OptionsValidationException>(() => QualityWatchApp.Build(
            ["--urls", "http://127.0.0.1:0"],
            builder => builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Storage:DatabasePath"] = temp.DatabasePath,
                [key] = value,
            })));

        Assert.Contains(ex.Failures, f => f.StartsWith(message, StringComparison.Ordinal));
    }
}
