using Microsoft.Playwright;
using QualityWatch.Tests.Reviews;
using QualityWatch.Tests.Support;

namespace QualityWatch.Tests.WebConsole;

/// <summary>The review queue page in chromium: a reviewer labels with the keyboard, skips, and the label lands in the API.</summary>
[Collection(BrowserSuite.Name)]
public sealed class ReviewPageTests(Browser browser) : IAsyncLifetime
{
    private const string ReviewerKey = "reviewer-key-0123456789abcdef";
    private const string ReadOnlyKey = "read-only-key-0123456789abcde";

    private readonly TempDirectory temp = new();
    private InProcessHost host = null!;

    public async Task InitializeAsync() => host = await InProcessHost.StartAsync(temp.DatabasePath, new Dictionary<string, string?>
    {
        ["Auth:Keys:0:Name"] = "rita",
        ["Auth:Keys:0:Key"] = ReviewerKey,
        ["Auth:Keys:0:Roles:0"] = "read",
        ["Auth:Keys:0:Roles:1"] = "review",
        ["Auth:Keys:1:Name"] = "oncall",
        ["Auth:Keys:1:Key"] = ReadOnlyKey,
        ["Auth:Keys:1:Roles:0"] = "read",
    });

    [Fact]
    public async Task Reviews_KeyboardYes_StoresTheLabel_SkipShowsAnotherSample()
    {
        var (yes, no) = ReviewSeed.Judged(host.DatabasePath, yes: 2, no: 2);
        await using var context = await browser.NewContextAsync(host.Client.BaseAddress!.ToString());
        var page = await LogInAsync(context, ReviewerKey);

        await page.GotoAsync("/reviews");
        var first = await CurrentSampleAsync(page);
        Assert.Contains(first, yes.Concat(no));
        var main = await page.Locator("main").InnerTextAsync();
        Assert.Contains("The judge's verdict", main, StringComparison.Ordinal);
        Assert.Contains("Order 118822 shipped via DHL.", main, StringComparison.Ordinal);
        if (yes.Contains(first))
        {
            Assert.Equal("Your refund of $40 was issued on March 3", await page.Locator("mark.claim").InnerTextAsync());
        }

        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await Screenshots.SaveAsync(page, "reviews");

        await page.Keyboard.PressAsync("y");
        await page.GetByRole(AriaRole.Status).WaitForAsync();
        Assert.Contains($"Saved your label for {first} (created)", await page.GetByRole(AriaRole.Status).InnerTextAsync(), StringComparison.Ordinal);
        var label = Assert.Single(Db.Query<(string Id, string Reviewer, long Hallucination)>(
            host.DatabasePath, "SELECT interaction_id, reviewer, hallucination FROM review_labels;"));
        Assert.Equal((first, "rita", 1L), label);

        var second = await CurrentSampleAsync(page);
        Assert.NotEqual(first, second);

        // The page after the post shows its text before its deferred key script runs; a key pressed earlier is lost.
        await page.WaitForLoadStateAsync(LoadState.Load);
        await page.Keyboard.PressAsync("s");
        await page.WaitForURLAsync(url => url.Contains("skip=", StringComparison.Ordinal));
        var third = await CurrentSampleAsync(page);
        Assert.DoesNotContain(third, new[] { first, second });
        Assert.Single(Db.Query<string>(host.DatabasePath, "SELECT interaction_id FROM review_labels;"));
    }

    [Fact]
    public async Task Reviews_QuestionMark_OpensTheHelp_AndTypingANoteDoesNotAnswer()
    {
        ReviewSeed.Judged(host.DatabasePath, yes: 1, no: 1);
        await using var context = await browser.NewContextAsync(host.Client.BaseAddress!.ToString());
        var page = await LogInAsync(context, ReviewerKey);
        await page.GotoAsync("/reviews");

        await page.Keyboard.PressAsync("?");
        Assert.True(await page.Locator("#review-help").GetAttributeAsync("open") is not null);

        await page.GetByText("Optional: accuracy, tone, a note").ClickAsync();
        await page.GetByLabel("Note").FillAsync("yes no skip");
        await page.GetByLabel("Accuracy (1–5)").SelectOptionAsync("2");
        await page.GetByRole(AriaRole.Button, new() { Name = "Hallucination: no (n)" }).ClickAsync();
        await page.GetByRole(AriaRole.Status).WaitForAsync();

        var (note, accuracy, hallucination) = Db.Query<(string, long, long)>(host.DatabasePath, "SELECT note, accuracy, hallucination FROM review_labels;").Single();
        Assert.Equal(("yes no skip", 2L, 0L), (note, accuracy, hallucination));
    }

    [Fact]
    public async Task Reviews_ReadOnlyKey_CannotOpenTheQueuePage()
    {
        ReviewSeed.Judged(host.DatabasePath, yes: 1, no: 1);
        await using var context = await browser.NewContextAsync(host.Client.BaseAddress!.ToString());
        var page = await LogInAsync(context, ReadOnlyKey);

        var response = await page.GotoAsync("/reviews");

        Assert.DoesNotContain("/reviews", new Uri(page.Url).AbsolutePath, StringComparison.Ordinal);
        Assert.DoesNotContain("The judge's verdict", await page.ContentAsync(), StringComparison.Ordinal);
        Assert.NotNull(response);
    }

    public async Task DisposeAsync()
    {
        await host.DisposeAsync();
        temp.Dispose();
    }

    private static Task<IPage> LogInAsync(IBrowserContext context, string key) => ConsoleLogin.LogInAsync(context, key);

    private static async Task<string> CurrentSampleAsync(IPage page) =>
        (await page.Locator("#sample-heading a").InnerTextAsync()).Trim();
}
