using System.Text.Json.Nodes;
using QualityWatch.Tests.Deploy;
using QualityWatch.Tests.Support;

namespace QualityWatch.Tests.Docs;

/// <summary>
/// The README's curl examples, run as written (only the address is the test's own) against the
/// real service with its shipped defaults, so a drifted example fails here before a user meets it.
/// </summary>
public sealed class ReadmeExamplesTests
{
    private const string DocumentedAddress = "http://127.0.0.1:8080";

    [Fact]
    public async Task EveryCurlExample_RunsAgainstTheService_AndAnswersWhatTheReadmeShows()
    {
        var examples = ReadmeExample.Parse(await File.ReadAllTextAsync(RepoRoot.File("README.md")));
        Assert.True(examples.Count >= 7, $"found only {examples.Count} curl examples in the README");

        using var dir = new TempDirectory();
        CopyDirectory(RepoRoot.File("examples"), Path.Combine(dir.Path, "examples"));
        await using var host = await InProcessHost.StartAsync(dir.DatabasePath);
        var address = host.Client.BaseAddress!.ToString().TrimEnd('/');

        foreach (var example in examples)
        {
            // --fail-with-body: any non-2xx answer fails the command, with the error body in the output.
            var command = example.Command.Replace(DocumentedAddress, address, StringComparison.Ordinal)
                .Replace("curl -s ", "curl -sS --fail-with-body ", StringComparison.Ordinal);
            var (code, output) = await Command.RunAsync("bash", ["-c", command], dir.Path, TimeSpan.FromMinutes(1));

            Assert.True(code == 0, $"README line {example.Line}: exit {code}\n{example.Command}\n{output}");
            if (example.ExpectedJson is { } expected)
            {
                var actual = JsonNode.Parse(output.Trim());
                Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), actual), $"README line {example.Line} shows {expected} but the service answered {output}");
            }
        }
    }

    [Fact]
    public void FilesTheReadmeSends_AreShipped()
    {
        var examples = ReadmeExample.Parse(File.ReadAllText(RepoRoot.File("README.md")));
        var files = examples.SelectMany(e => e.Command.Split(' ')).Where(w => w.StartsWith('@')).Select(w => w[1..]).ToList();

        Assert.NotEmpty(files);
        Assert.All(files, f => Assert.True(File.Exists(RepoRoot.File(f)), $"the README sends {f}, which the repository does not ship"));
    }

    [Fact]
    public async Task TheRunCommand_KeepsTheCallersDirectory_SoTheDatabaseLandsInItsDotData()
    {
        // The README's `dotnet run --project src/QualityWatch` says ./data/qualitywatch.db; dotnet run
        // would otherwise start the app in the project folder.
        using var dir = new TempDirectory();
        var (code, output) = await Command.RunAsync("dotnet", ["msbuild", RepoRoot.File("src", "QualityWatch", "QualityWatch.csproj"), "-getProperty:RunWorkingDirectory"], dir.Path, TimeSpan.FromMinutes(2));

        Assert.True(code == 0, output);
        Assert.Equal(Path.GetFullPath(dir.Path).TrimEnd('/'), output.Trim().TrimEnd('/'));
    }

    private static void CopyDirectory(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }
    }
}
