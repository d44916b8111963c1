using Microsoft.Playwright;

namespace QualityWatch.Tests.Support;

/// <summary>Logging in to the console in the browser, as a person does: the login form, then the overview.</summary>
public static class ConsoleLogin
{
    public static async Task<IPage> LogInAsync(IBrowserContext context, string key)
    {
        ArgumentNullException.ThrowIfNull(context);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/login");
        await page.GetByLabel("API key").FillAsync(key);
        await page.GetByRole(AriaRole.Button, new() { Name = "Log in" }).ClickAsync();
        // The URL is what login decides; waiting for the overview to finish loading only adds load-sensitive time.
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/", new() { WaitUntil = WaitUntilState.Commit });
        return page;
    }
}
