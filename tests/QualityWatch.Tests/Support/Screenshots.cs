using Microsoft.Playwright;

namespace QualityWatch.Tests.Support;

/// <summary>
/// Full-page PNGs of the console, saved as test artifacts under TestResults/screenshots/; with
/// <c>QW_UPDATE_SCREENSHOTS=1</c> also copied to docs/screenshots/, which the README shows.
/// </summary>
public static class Screenshots
{
    public const string UpdateVariable = "QW_UPDATE_SCREENSHOTS";

    public static string Folder { get; } = RepoRoot.File("TestResults", "screenshots");

    public static async Task<string> SaveAsync(IPage page, string name)
    {
        Directory.CreateDirectory(Folder);
        var path = Path.Combine(Folder, name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            var docs = RepoRoot.File("docs", "screenshots");
            Directory.CreateDirectory(docs);
            File.Copy(path, Path.Combine(docs, name + ".png"), overwrite: true);
        }

        return path;
    }
}
