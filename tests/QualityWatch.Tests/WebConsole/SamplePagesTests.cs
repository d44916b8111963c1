using Microsoft.Playwright;
using QualityWatch.Tests.Support;

namespace QualityWatch.Tests.WebConsole;

/// <summary>/samples and /samples/{id} in chromium, against the service judged by the simulator.</summary>
[Collection(BrowserSuite.Name)]
public sealed class SamplePagesTests(Browser browser) : IAsyncLifetime
{
    private JudgeHarness harness = null!;

    public async Task InitializeAsync() => harness = await JudgeHarness.StartAsync();

    [Fact]
    public async Task Samples_FilterByHallucination_ThenSamplePage_HighlightsTheUnsupportedClaim()
    {
        var ids = await harness.SendAsync(
            "Your parcel left with FedEx on Sunday [[hallucination]]. Anything else?",
            "Order 118822 shipped on 2026-03-02 with DHL.");
        await harness.SettleAsync();
        await using var context = await browser.NewContextAsync(harness.Host.Client.BaseAddress!.ToString());
        var page = await context.NewPageAsync();

        await page.GotoAsync("/samples?hallucination=yes");
        var listed = await page.Locator("tbody tr").AllInnerTextsAsync();
        Assert.Contains(ids[0], Assert.Single(listed), StringComparison.Ordinal);
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await Screenshots.SaveAsync(page, "samples");

        await page.GetByRole(AriaRole.Link, new() { Name = ids[0] }).ClickAsync();
        await page.WaitForURLAsync("**/samples/" + ids[0]);
        Assert.Equal("Your parcel left with FedEx on Sunday", await page.Locator("mark.claim").InnerTextAsync());
        var verdict = await page.Locator("section[aria-labelledby=verdicts] tbody tr").InnerTextAsync();
        Assert.Contains("yes", verdict, StringComparison.Ordinal);
        Assert.Contains("gemini", verdict, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Sampled because", await page.Locator("section[aria-labelledby=fate]").InnerTextAsync(), StringComparison.Ordinal);
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await Screenshots.SaveAsync(page, "sample");
    }

    [Fact]
    public async Task SamplePage_UnknownId_SaysNotFound()
    {
        var response = await harness.Host.Client.GetAsync("/samples/no-such-interaction");
        Assert.Contains("Sample not found", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    public async Task DisposeAsync() => await harness.DisposeAsync();
}
