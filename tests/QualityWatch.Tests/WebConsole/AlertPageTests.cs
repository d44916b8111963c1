using System.Text.Json;
using Microsoft.Playwright;
using QualityWatch.Tests.Notifications;
using QualityWatch.Tests.Support;

namespace QualityWatch.Tests.WebConsole;

/// <summary>From a received webhook to the alert's page to a sample that drove it: two clicks, in chromium.</summary>
[Collection(BrowserSuite.Name)]
public sealed class AlertPageTests(Browser browser) : IAsyncLifetime
{
    private const string PublicUrl = "https://qualitywatch.example.com/";

    private WebhookReceiver receiver = null!;
    private JudgeHarness harness = null!;

    public async Task InitializeAsync()
    {
        receiver = await WebhookReceiver.StartAsync();
        var settings = NotificationSettings.Fast().Webhook(0, "ops", receiver.Url).With(("Console:PublicUrl", PublicUrl));
        foreach (var (key, value) in MetricsTraffic.Settings)
        {
            settings[key] = value;
        }

        harness = await JudgeHarness.StartAsync(settings: settings);
    }

    [Fact]
    public async Task WebhookLink_OpensAlertPage_WithTimelineChartsAndDrivingSamples_OneClickToASample()
    {
        var ids = await MetricsTraffic.PostRoundAsync(harness.Host.Client);
        await harness.SettleAsync();
        Assert.True(await Eventually.TrueAsync(() => receiver.Accepted.Any(), TimeSpan.FromSeconds(60)), "no webhook arrived");
        var data = JsonDocument.Parse(receiver.Accepted.First().Body).RootElement.GetProperty("data");
        var link = data.GetProperty("consoleUrl").GetString()!;
        Assert.StartsWith(PublicUrl + "alerts/", link, StringComparison.Ordinal);
        Assert.Contains("Open in the console: " + link, data.GetProperty("text").GetString(), StringComparison.Ordinal);

        await using var context = await browser.NewContextAsync(harness.Host.Client.BaseAddress!.ToString());
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(link).PathAndQuery);

        Assert.Contains(MetricsTraffic.Rule, await page.Locator("h1").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("firing", await page.Locator("section[aria-labelledby=timeline]").InnerTextAsync(), StringComparison.Ordinal);
        Assert.True(await page.Locator("section[aria-labelledby=statistic] svg").CountAsync() >= 1);
        Assert.Contains("webhook:ops", await page.Locator("section[aria-labelledby=deliveries]").InnerTextAsync(), StringComparison.Ordinal);
        var hallucinated = ids.Take(3).ToList();
        var firstRow = page.Locator("section[aria-labelledby=samples] tbody tr").First;
        var sampleId = await firstRow.Locator("a").InnerTextAsync();
        Assert.Contains(sampleId, hallucinated);
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await Screenshots.SaveAsync(page, "alert");

        await firstRow.Locator("a").ClickAsync();
        await page.WaitForURLAsync("**/samples/" + sampleId);
        Assert.Contains("It ships by drone tonight", await page.Locator("mark.claim").InnerTextAsync(), StringComparison.Ordinal);
    }

    public async Task DisposeAsync()
    {
        await harness.DisposeAsync();
        await receiver.DisposeAsync();
    }
}
