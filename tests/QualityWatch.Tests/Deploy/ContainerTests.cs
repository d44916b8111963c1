using QualityWatch.Tests.Support;

namespace QualityWatch.Tests.Deploy;

/// <summary>
/// No Docker engine runs in CI: <c>deploy/publish-check.sh</c> does what the image does, and
/// these tests keep the Dockerfile and the script saying the same thing.
/// </summary>
public sealed class ContainerTests
{
    private static readonly Dockerfile Image = new(File.ReadAllText(RepoRoot.File("Dockerfile")));

    private static readonly string Script = File.ReadAllText(RepoRoot.File("deploy", "publish-check.sh"));

    private static readonly string[] ScriptLines = [.. Script.Split('\n').Select(l => l.Trim())];

    [Fact]
    public void BuildStage_RestoresFromEveryProjectTheServiceReferences_ThenPublishesToApp()
    {
        // The restore runs before the sources are copied: every project in the service's
        // reference graph must be copied in by then, or publish --no-restore fails (NETSDK1004).
        var copied = Image.All("build", "COPY").TakeWhile(c => !c.StartsWith(". ", StringComparison.Ordinal))
            .SelectMany(c => c.Split(' ', StringSplitOptions.RemoveEmptyEntries).SkipLast(1)).ToHashSet(StringComparer.Ordinal);
        foreach (var project in ProjectGraph("src/QualityWatch/QualityWatch.csproj"))
        {
            Assert.Contains(project, copied);
        }

        var publish = Assert.Single(Image.All("build", "RUN"), r => r.StartsWith("dotnet publish ", StringComparison.Ordinal));
        Assert.EndsWith(" -o /app", publish, StringComparison.Ordinal);

        // The runtime stage runs what the build stage published.
        Assert.Contains("--from=build /app .", Image.All("runtime", "COPY"));
        Assert.Equal("/app", Image.Single("runtime", "WORKDIR"));
    }

    [Fact]
    public void PublishCheck_ReplaysTheBuildStageFromTheDockerfile_WritesNoBuildCommandOfItsOwn()
    {
        Assert.Contains("done <\"$dockerfile\"", Script, StringComparison.Ordinal);
        Assert.DoesNotContain(ScriptLines, l => l.StartsWith("dotnet restore", StringComparison.Ordinal) || l.StartsWith("dotnet publish", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PublishCheck_FailsLikeDockerBuild_WhenTheRestoreStageMissesAReferencedProject()
    {
        // The defect docker build hit: the restore saw only the service's project file.
        using var dir = new TempDirectory();
        var broken = Path.Combine(dir.Path, "Dockerfile");
        var lines = File.ReadAllLines(RepoRoot.File("Dockerfile"))
            .Where(l => !l.Contains("QualityWatch.Simulator.csproj", StringComparison.Ordinal));
        await File.WriteAllLinesAsync(broken, lines);

        var (code, output) = await Command.RunAsync("bash", [RepoRoot.File("deploy", "publish-check.sh"), "--dockerfile", broken], RepoRoot.Path, TimeSpan.FromMinutes(10));

        Assert.NotEqual(0, code);
        Assert.Contains("NETSDK1004", output, StringComparison.Ordinal);
        Assert.Contains("publish-check: FAILED: build stage: RUN dotnet publish", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Runtime_StartsAndProbesTheAppAsPublishCheckDoes()
    {
        var entrypoint = OnTheHost(string.Join(' ', Dockerfile.ExecForm(Image.Single("runtime", "ENTRYPOINT"))));
        Assert.Contains($"env -i \"${{container_env[@]}}\" {entrypoint} >", Script, StringComparison.Ordinal);

        // HEALTHCHECK [options] CMD [...]: the app's own verb, no curl in the image.
        var healthcheck = Image.Single("runtime", "HEALTHCHECK");
        var probe = OnTheHost(string.Join(' ', Dockerfile.ExecForm(healthcheck[(healthcheck.IndexOf("CMD ", StringComparison.Ordinal) + 4)..])));
        Assert.Equal("dotnet \"$app/QualityWatch.dll\" healthcheck", probe);
        Assert.Contains(probe + " --ready", Script, StringComparison.Ordinal);
        Assert.Contains(probe + " ||", Script, StringComparison.Ordinal);

        Assert.Equal("SIGTERM", Image.Single("runtime", "STOPSIGNAL"));
    }

    [Fact]
    public void Runtime_Environment_IsTheOnePublishCheckStartsWith_DatabaseOnTheVolume_ListeningOnTheExposedPort()
    {
        var environment = Image.Environment("runtime");
        foreach (var key in environment.Keys)
        {
            Assert.Contains($"\"{key}=", Script, StringComparison.Ordinal);
        }

        var volume = Assert.Single(Dockerfile.ExecForm(Image.Single("runtime", "VOLUME")));
        Assert.Equal("/data", volume);
        Assert.Equal("/data/qualitywatch.db", environment["Storage__DatabasePath"]);
        Assert.Contains("\"Storage__DatabasePath=$data/qualitywatch.db\"", Script, StringComparison.Ordinal);

        var url = new Uri(environment["ASPNETCORE_URLS"]);
        Assert.Equal("0.0.0.0", url.Host);
        Assert.Equal(url.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), Image.Single("runtime", "EXPOSE"));
    }

    [Fact]
    public void Runtime_RunsAsANonRootUser_OnTheAspNetImage_BuiltOnTheSdkImage()
    {
        var user = Image.Single("runtime", "USER");
        Assert.False(user is "root" or "0" || user.StartsWith("0:", StringComparison.Ordinal), $"USER {user}");
        Assert.StartsWith("mcr.microsoft.com/dotnet/aspnet:10.0 ", Image.Instructions.Last(i => i.Keyword == "FROM").Args, StringComparison.Ordinal);
        Assert.StartsWith("mcr.microsoft.com/dotnet/sdk:10.0 ", Image.Instructions.First(i => i.Keyword == "FROM").Args, StringComparison.Ordinal);
    }

    [Fact]
    public void DockerIgnore_KeepsHostBuildOutputAndDatabasesOutOfTheContext()
    {
        var ignored = File.ReadAllLines(RepoRoot.File(".dockerignore")).Select(l => l.Trim()).ToHashSet(StringComparer.Ordinal);

        Assert.Superset(new HashSet<string>(["**/bin", "**/obj", ".git", "**/*.db", "TestResults"], StringComparer.Ordinal), ignored);
    }

    [Fact]
    public async Task PublishCheck_PublishesStartsTheAppAsTheImageWould_IngestsAndStopsCleanly()
    {
        var (code, output) = await Command.RunAsync("bash", [RepoRoot.File("deploy", "publish-check.sh")], RepoRoot.Path, TimeSpan.FromMinutes(10));

        Assert.True(code == 0, output);
        Assert.Contains("publish-check: interaction accepted", output, StringComparison.Ordinal);
        Assert.Contains("publish-check: OK", output, StringComparison.Ordinal);
    }

    /// <summary>A project file and every project it references, as paths relative to the repository root.</summary>
    private static IEnumerable<string> ProjectGraph(string project)
    {
        yield return project;
        var folder = Path.GetDirectoryName(project)!;
        var xml = System.Xml.Linq.XDocument.Load(RepoRoot.File(project.Split('/')));
        foreach (var reference in xml.Descendants("ProjectReference").Select(r => r.Attribute("Include")!.Value))
        {
            var full = Path.GetFullPath(Path.Combine(RepoRoot.Path, folder, reference.Replace('\\', '/')));
            foreach (var nested in ProjectGraph(Path.GetRelativePath(RepoRoot.Path, full).Replace('\\', '/')))
            {
                yield return nested;
            }
        }
    }

    /// <summary>A Dockerfile command as the script writes it: the image's /app is the script's "$app".</summary>
    private static string OnTheHost(string command) =>
        string.Join(' ', command.Split(' ').Select(word => word.StartsWith("/app", StringComparison.Ordinal) ? $"\"$app{word[4..]}\"" : word));
}
