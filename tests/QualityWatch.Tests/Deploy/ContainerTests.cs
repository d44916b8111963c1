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
    public void BuildStage_RestoresAndPublishesExactlyAsPublishCheckDoes()
    {
        var runs = Image.All("build", "RUN").ToList();
        var restore = Assert.Single(runs, r => r.StartsWith("dotnet restore ", StringComparison.Ordinal));
        var publish = Assert.Single(runs, r => r.StartsWith("dotnet publish ", StringComparison.Ordinal));

        Assert.Contains(restore, ScriptLines);
        Assert.EndsWith(" -o /app", publish, StringComparison.Ordinal);
        Assert.Contains(OnTheHost(publish), ScriptLines);

        // The runtime stage runs what the build stage published.
        Assert.Contains("--from=build /app .", Image.All("runtime", "COPY"));
        Assert.Equal("/app", Image.Single("runtime", "WORKDIR"));
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

    /// <summary>A Dockerfile command as the script writes it: the image's /app is the script's "$app".</summary>
    private static string OnTheHost(string command) =>
        string.Join(' ', command.Split(' ').Select(word => word.StartsWith("/app", StringComparison.Ordinal) ? $"\"$app{word[4..]}\"" : word));
}
