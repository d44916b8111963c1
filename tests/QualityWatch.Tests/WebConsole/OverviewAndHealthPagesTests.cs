using System.Globalization;
using QualityWatch.Tests.Support;

namespace QualityWatch.Tests.WebConsole;

/// <summary>/ and /health in chromium after real traffic judged by the simulator, with a firing alert.</summary>
[Collection(BrowserSuite.Name)]
public sealed class OverviewAndHealthPagesTests(Browser browser) : IAsyncLifetime
{
    private JudgeHarness harness = null!;

    public async Task InitializeAsync()
    {
        var settings = MetricsTraffic.Settings;
        settings["Trends:RollupInterval"] = "00:00:01";
        harness = await JudgeHarness.StartAsync(settings: settings);
        await MetricsTraffic.PostRoundAsync(harness.Host.Client);
        await harness.SettleAsync();
    }

    [Fact]
    public async Task Overview_ShowsEachStreamsRateIntervalAndFiringAlert()
    {
        await using var context = await browser.NewContextAsync(harness.Host.Client.BaseAddress!.ToString());
        var page = await context.NewPageAsync();
        var support = page.Locator("section[aria-labelledby=s-support]");

        // The rollup folds verdicts in every second and the alert is evaluated every second: wait for both.
        Assert.True(await Eventually.TrueAsync(async () =>
        {
            await page.GotoAsync("/");
            var text = await support.CountAsync() == 1 ? await support.InnerTextAsync() : "";
            return text.Contains("n = 10", StringComparison.Ordinal) && text.Contains(MetricsTraffic.Rule, StringComparison.Ordinal);
        }, TimeSpan.FromSeconds(60)), "the overview never showed 10 judged samples and the firing alert");

        var card = await support.InnerTextAsync();
        Assert.Contains("30.0%", card, StringComparison.Ordinal);
        Assert.Contains("support-v", card, StringComparison.Ordinal);
        Assert.Contains("default", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await Screenshots.SaveAsync(page, "overview");
    }

    [Fact]
    public async Task Health_ShowsComponentsIngestAndJudgeState()
    {
        await using var context = await browser.NewContextAsync(harness.Host.Client.BaseAddress!.ToString());
        var page = await context.NewPageAsync();

        await page.GotoAsync("/health");

        var components = await page.Locator("section[aria-labelledby=components] tbody").InnerTextAsync();
        foreach (var component in new[] { "ingest", "storage", "judge", "notifications" })
        {
            Assert.Contains(component, components, StringComparison.Ordinal);
        }

        var now = await page.Locator("section[aria-labelledby=now]").InnerTextAsync();
        var received = long.Parse(System.Text.RegularExpressions.Regex.Match(now, @"(\d+) interactions received").Groups[1].Value, CultureInfo.InvariantCulture);
        Assert.True(received >= 12, now);
        Assert.Contains("running", now, StringComparison.Ordinal);
        Assert.Contains("Empty: every sample is judged.", await page.Locator("section[aria-labelledby=queue]").InnerTextAsync(), StringComparison.Ordinal);
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await Screenshots.SaveAsync(page, "health");
    }

    public async Task DisposeAsync() => await harness.DisposeAsync();
}
