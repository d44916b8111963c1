using Microsoft.Playwright;

namespace QualityWatch.Tests.Support;

/// <summary>
/// Debian's chromium driven by Playwright, started once per test collection. Playwright never downloads a
/// browser here: the executable is the system's (.ci/run installs the <c>chromium</c> package).
/// </summary>
public sealed class Browser : IAsyncLifetime
{
    public const string ExecutablePath = "/usr/bin/chromium";

    private IPlaywright? playwright;
    private IBrowser? browser;

    public async Task InitializeAsync()
    {
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        if (!File.Exists(ExecutablePath))
        {
            throw new InvalidOperationException($"{ExecutablePath} is missing: install Debian's chromium package (.ci/run does).");
        }

        playwright = await Playwright.CreateAsync();
        // Playwright gives every launch a fresh, empty --user-data-dir of its own (and refuses one in Args).
        browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Timeout = 60_000,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
            ],
        });
    }

    /// <summary>A fresh context (own cookies) for one test; dispose it at the end of the test.</summary>
    public async Task<IBrowserContext> NewContextAsync(string baseUrl, IDictionary<string, string>? headers = null)
    {
        var context = await browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseUrl,
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
            ExtraHTTPHeaders = headers,
            JavaScriptEnabled = true,
        });
        // Generous: a navigation timed out at 60 s under a load average of 30-45 (several builds beside the suite);
        // a page that never comes still fails, only later.
        context.SetDefaultTimeout(60_000);
        context.SetDefaultNavigationTimeout(120_000);
        return context;
    }

    public async Task DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.CloseAsync();
        }

        playwright?.Dispose();
    }
}
