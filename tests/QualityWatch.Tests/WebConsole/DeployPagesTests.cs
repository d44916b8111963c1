using Microsoft.Playwright;
using QualityWatch.Tests.Reviews;
using QualityWatch.Tests.Support;
using QualityWatch.Trends;

namespace QualityWatch.Tests.WebConsole;

/// <summary>
/// The deploy view, trends and the daily report in chromium, over a stream whose prompt_version v2 replaced v1 an
/// hour ago and hallucinates ten times as often.
/// </summary>
[Collection(BrowserSuite.Name)]
public sealed class DeployPagesTests(Browser browser) : IAsyncLifetime
{
    private readonly TempDirectory temp = new();
    private readonly DateTimeOffset deployedAt = DateTimeOffset.UtcNow.AddMinutes(-50);
    private InProcessHost host = null!;

    public async Task InitializeAsync()
    {
        host = await InProcessHost.StartAsync(temp.DatabasePath);
        ReviewSeed.Judged(host.DatabasePath, yes: 2, no: 98, promptVersion: "v1", occurredAt: deployedAt.AddHours(-3));
        ReviewSeed.Judged(host.DatabasePath, yes: 10, no: 40, promptVersion: "v2", occurredAt: deployedAt);
        await host.Services.GetRequiredService<TrendRollup>().RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Versions_TwoPromptVersions_RatesDifferenceWithIntervalDistributionsAndWorstExamples()
    {
        await using var context = await browser.NewContextAsync(host.Client.BaseAddress!.ToString());
        var page = await context.NewPageAsync();

        await page.GotoAsync("/versions?stream=default&a=v1&b=v2");

        var table = await page.Locator("table").InnerTextAsync();
        Assert.Contains("a: v1", table, StringComparison.Ordinal);
        Assert.Contains("b: v2", table, StringComparison.Ordinal);
        Assert.Contains("2.0% (0.6%–7.0%), 2 of 100", table, StringComparison.Ordinal);
        Assert.Contains("20.0% (11.2%–33.0%), 10 of 50", table, StringComparison.Ordinal);
        Assert.Matches(@"\+18\.0 pp \(\+[0-9.]+ pp to \+[0-9.]+ pp\)", table);
        Assert.Equal(2, await page.Locator("figure.chart svg").CountAsync());
        var worstOfV2 = await page.GetByRole(AriaRole.Region, new() { Name = "Worst examples of v2" }).InnerTextAsync();
        Assert.Contains("Your refund of $40 was issued on March 3.", worstOfV2, StringComparison.Ordinal);
        Assert.Equal(3, await page.GetByRole(AriaRole.Region, new() { Name = "Worst examples of v2" }).Locator("mark.claim").CountAsync());
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await Screenshots.SaveAsync(page, "versions");
    }

    [Fact]
    public async Task Versions_NoChoice_ComparesTheNewestWithTheOneBefore()
    {
        await using var context = await browser.NewContextAsync(host.Client.BaseAddress!.ToString());
        var page = await context.NewPageAsync();

        await page.GotoAsync("/versions");

        var table = await page.Locator("table").InnerTextAsync();
        Assert.Contains("a: v1", table, StringComparison.Ordinal);
        Assert.Contains("b: v2", table, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Trends_HourlyAndDailyCharts_WithTheChangeMarked()
    {
        await using var context = await browser.NewContextAsync(host.Client.BaseAddress!.ToString());
        var page = await context.NewPageAsync();

        await page.GotoAsync("/trends");

        Assert.Equal("default", await page.Locator("main h2").First.InnerTextAsync());
        Assert.Equal(2, await page.Locator("figure.chart svg").CountAsync());
        Assert.Contains("prompt_version v1 → v2", await page.Locator("main ul").InnerTextAsync(), StringComparison.Ordinal);
        var hourly = await page.Locator("figure.chart [role=img]").First.GetAttributeAsync("aria-label");
        Assert.Contains("per hour", hourly, StringComparison.Ordinal);
        Assert.Contains("marked: prompt_version v1 → v2", hourly, StringComparison.Ordinal);
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await Screenshots.SaveAsync(page, "trends");
    }

    [Fact]
    public async Task DailyReport_DayOfTheDeploy_HasMarkerHourlyViewChartAndExamplesWithPromptAndContext()
    {
        await using var context = await browser.NewContextAsync(host.Client.BaseAddress!.ToString());
        var page = await context.NewPageAsync();
        var day = deployedAt.UtcDateTime.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        await page.GotoAsync($"/reports/daily?date={day}");

        Assert.Equal($"Daily report {day}", await page.Locator("h1").InnerTextAsync());
        var report = await page.Locator(".report").InnerTextAsync();
        Assert.Contains("prompt_version v1 → v2 at", report, StringComparison.Ordinal);
        Assert.Contains("Hour by hour around prompt_version v1 → v2", report, StringComparison.Ordinal);
        Assert.Contains("Order 118822 shipped via DHL.", report, StringComparison.Ordinal);
        Assert.Contains("Where is my order?", report, StringComparison.Ordinal);
        var chart = page.Locator(".report img");
        Assert.StartsWith("data:image/png;base64,", await chart.GetAttributeAsync("src"), StringComparison.Ordinal);
        Assert.True(await chart.EvaluateAsync<bool>("img => img.complete && img.naturalWidth === 800"));
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await Screenshots.SaveAsync(page, "report-daily");
    }

    [Fact]
    public async Task DailyReport_BadDate_SaysSoWith400()
    {
        await using var context = await browser.NewContextAsync(host.Client.BaseAddress!.ToString());
        var page = await context.NewPageAsync();

        var response = await page.GotoAsync("/reports/daily?date=12/06/2026");

        Assert.Equal(400, response!.Status);
        Assert.Contains("is not a day up to today", await page.GetByRole(AriaRole.Alert).InnerTextAsync(), StringComparison.Ordinal);
    }

    public async Task DisposeAsync()
    {
        await host.DisposeAsync();
        temp.Dispose();
    }
}
