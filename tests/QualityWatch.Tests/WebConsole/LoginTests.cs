using System.Net;
using Microsoft.Playwright;
using QualityWatch.Tests.Support;

namespace QualityWatch.Tests.WebConsole;

[Collection(BrowserSuite.Name)]
public sealed class LoginTests(Browser browser) : IAsyncLifetime
{
    private const string ReadKey = "read-key-0123456789abcdef";
    private const string IngestKey = "ingest-key-0123456789abcdef";

    private readonly TempDirectory temp = new();
    private InProcessHost host = null!;

    public async Task InitializeAsync() => host = await InProcessHost.StartAsync(temp.DatabasePath, new Dictionary<string, string?>
    {
        ["Auth:Keys:0:Name"] = "oncall",
        ["Auth:Keys:0:Key"] = ReadKey,
        ["Auth:Keys:0:Roles:0"] = "read",
        ["Auth:Keys:1:Name"] = "shipper",
        ["Auth:Keys:1:Key"] = IngestKey,
        ["Auth:Keys:1:Roles:0"] = "ingest",
    });

    [Fact]
    public async Task Login_ReadKey_OpensSessionWithStrictHttpOnlyCookieWithoutTheKey()
    {
        await using var context = await browser.NewContextAsync(host.Client.BaseAddress!.ToString());
        var page = await context.NewPageAsync();

        await page.GotoAsync("/");
        Assert.EndsWith("/login?ReturnUrl=%2F", page.Url, StringComparison.Ordinal);
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await Screenshots.SaveAsync(page, "login");

        await page.GetByLabel("API key").FillAsync(ReadKey);
        await page.GetByRole(AriaRole.Button, new() { Name = "Log in" }).ClickAsync();
        // The URL is what login decides; waiting for the overview to finish loading only adds load-sensitive time.
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/", new() { WaitUntil = WaitUntilState.Commit });
        Assert.Contains("oncall", await page.Locator("header").InnerTextAsync(), StringComparison.Ordinal);

        var session = Assert.Single(await context.CookiesAsync(), c => c.Name == "qw_console");
        Assert.True(session.HttpOnly);
        Assert.Equal(SameSiteAttribute.Strict, session.SameSite);
        Assert.DoesNotContain(ReadKey, WebUtility.UrlDecode(session.Value), StringComparison.Ordinal);
    }

    public async Task DisposeAsync()
    {
        await host.DisposeAsync();
        temp.Dispose();
    }
}
