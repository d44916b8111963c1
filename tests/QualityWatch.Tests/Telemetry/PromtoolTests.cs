using QualityWatch.Tests.Support;

namespace QualityWatch.Tests.Telemetry;

/// <summary>Prometheus' own checker on the shipped rule and config files and on a real scrape.</summary>
public sealed class PromtoolTests(FullScrapeFixture fixture) : IClassFixture<FullScrapeFixture>
{
    [Fact]
    public async Task CheckRules_AcceptsTheShippedRuleFile()
    {
        var (exitCode, output) = await PrometheusTools.PromtoolAsync(null, "check", "rules", RepoRoot.File("dashboards", "prometheus", "rules.yml"));

        Assert.True(exitCode == 0, output);
        Assert.Contains("SUCCESS", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckConfig_AcceptsTheShippedPrometheusConfig_AndItsRuleFile()
    {
        var (exitCode, output) = await PrometheusTools.PromtoolAsync(null, "check", "config", RepoRoot.File("dashboards", "prometheus", "prometheus.yml"));

        Assert.True(exitCode == 0, output);
        Assert.Contains("1 rule files found", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckMetrics_FindsNoProblemInARealScrape()
    {
        var (exitCode, output) = await PrometheusTools.PromtoolAsync(fixture.Scrape.Text, "check", "metrics");

        Assert.True(exitCode == 0 && output.Trim().Length == 0, $"promtool check metrics (exit {exitCode}):\n{output}");
    }
}
