using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Playwright;
using QualityWatch.Tests.Notifications;
using QualityWatch.Tests.Support;

namespace QualityWatch.Tests.WebConsole;

/// <summary>
/// Issue 16's whole flow on the real service, the simulator as judge and a webhook receiver: log in; open the
/// alert from the link inside the received webhook; follow it to a sample; label that sample in the review queue
/// with the keyboard; see the label in <c>GET /v1/reviews</c>.
/// </summary>
[Collection(BrowserSuite.Name)]
public sealed class ReviewFlowTests(Browser browser) : IAsyncLifetime
{
    private const string PublicUrl = "https://qualitywatch.example.com/";
    private const string ReviewerKey = "rita-read-review-0123456789";
    private const string AdminKey = "operator-admin-key-0123456789";

    private WebhookReceiver receiver = null!;
    private JudgeHarness harness = null!;

    public async Task InitializeAsync()
    {
        receiver = await WebhookReceiver.StartAsync();
        var settings = NotificationSettings.Fast().Webhook(0, "ops", receiver.Url).With(
            ("Console:PublicUrl", PublicUrl),
            ("Auth:Keys:0:Name", "rita"), ("Auth:Keys:0:Key", ReviewerKey), ("Auth:Keys:0:Roles:0", "read"), ("Auth:Keys:0:Roles:1", "review"),
            ("Auth:Keys:1:Name", "operator"), ("Auth:Keys:1:Key", AdminKey), ("Auth:Keys:1:Roles:0", "admin"));
        foreach (var (key, value) in MetricsTraffic.Settings)
        {
            settings[key] = value;
        }

        harness = await JudgeHarness.StartAsync(settings: settings);
        harness.Host.Client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AdminKey);
    }

    [Fact]
    public async Task LogIn_AlertFromWebhook_Sample_LabelWithKeyboard_LabelInTheApi()
    {
        var ids = await MetricsTraffic.PostRoundAsync(harness.Host.Client);
        await harness.SettleAsync();
        Assert.True(await Eventually.TrueAsync(() => receiver.Accepted.Any(), TimeSpan.FromSeconds(60)), "no webhook arrived");
        var link = JsonDocument.Parse(receiver.Accepted.First().Body).RootElement.GetProperty("data").GetProperty("consoleUrl").GetString()!;

        // 1-2. The webhook's link, opened in the browser: the login page first, then back to the alert.
        await using var context = await browser.NewContextAsync(harness.Host.Client.BaseAddress!.ToString());
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(link).PathAndQuery);
        await page.GetByLabel("API key").FillAsync(ReviewerKey);
        await page.GetByRole(AriaRole.Button, new() { Name = "Log in" }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == new Uri(link).AbsolutePath);
        Assert.Contains(MetricsTraffic.Rule, await page.Locator("h1").InnerTextAsync(), StringComparison.Ordinal);

        // 3. To a sample that drove it.
        var sampleLink = page.Locator("section[aria-labelledby=samples] tbody tr a").First;
        var sampleId = await sampleLink.InnerTextAsync();
        Assert.Contains(sampleId, ids);
        await sampleLink.ClickAsync();
        await page.WaitForURLAsync("**/samples/" + sampleId);

        // 4. Into the review queue with it, answered with the keyboard.
        await page.GetByRole(AriaRole.Link, new() { Name = "Review this sample" }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/reviews");
        Assert.Equal(sampleId, (await page.Locator("#sample-heading a").InnerTextAsync()).Trim());
        await page.Keyboard.PressAsync("y");
        await page.GetByRole(AriaRole.Status).WaitForAsync();
        Assert.Contains($"Saved your label for {sampleId} (created)", await page.GetByRole(AriaRole.Status).InnerTextAsync(), StringComparison.Ordinal);

        // 5. The label, through the API with the reviewer's own key.
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/reviews");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", ReviewerKey);
        var labels = await (await harness.Host.Client.SendAsync(request)).ReadJsonAsync();
        var label = Assert.Single(labels.EnumerateArray());
        Assert.Equal((sampleId, "rita", true), (label.GetProperty("interaction_id").GetString(), label.GetProperty("reviewer").GetString(), label.GetProperty("hallucination").GetBoolean()));
        Assert.True(label.GetProperty("judge").GetProperty("hallucination").GetBoolean());
        await Screenshots.SaveAsync(page, "reviews-after-label");
    }

    public async Task DisposeAsync()
    {
        await harness.DisposeAsync();
        await receiver.DisposeAsync();
    }
}
