using QualityWatch.Tests.Support;

namespace QualityWatch.Tests.Cli;

/// <summary>The real binary: help, version and typos answer and exit without starting the service or creating a database.</summary>
public sealed class CommandLineProcessTests : IDisposable
{
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    [InlineData("help")]
    public async Task Help_PrintsUsageAndExits0WithoutADatabase(string flag)
    {
        var (exitCode, output) = await ServiceProcess.RunToExitAsync(Empty, temp.Path, flag);

        Assert.Equal(0, exitCode);
        Assert.Contains("Usage: qualitywatch [--Section:Key value ...]", output, StringComparison.Ordinal);
        Assert.Contains("qualitywatch healthcheck [--ready]", output, StringComparison.Ordinal);
        Assert.Contains("Storage:DatabasePath", output, StringComparison.Ordinal);
        Assert.Contains("README.md", output, StringComparison.Ordinal);
        AssertNothingCreated(output);
    }

    [Fact]
    public async Task Version_PrintsTheVersionAndExits0WithoutADatabase()
    {
        var (exitCode, output) = await ServiceProcess.RunToExitAsync(Empty, temp.Path, "--version");

        Assert.Equal(0, exitCode);
        Assert.Matches(@"^QualityWatch \d+\.\d+\.\d+", output);
        AssertNothingCreated(output);
    }

    [Fact]
    public async Task HealthCheckHelp_PrintsItsUsageInsteadOfProbing()
    {
        var (exitCode, output) = await ServiceProcess.RunToExitAsync(Empty, temp.Path, "healthcheck", "--help");

        Assert.Equal(0, exitCode);
        Assert.StartsWith("Usage: qualitywatch healthcheck [--ready]", output, StringComparison.Ordinal);
        Assert.DoesNotContain("healthy:", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "dmeo" }, "unknown command 'dmeo'. Did you mean 'demo'?")]
    [InlineData(new[] { "backfil", "logs.jsonl" }, "unknown command 'backfil'. Did you mean 'backfill'?")]
    [InlineData(new[] { "--bogus" }, "unknown option '--bogus'.")]
    [InlineData(new[] { "--url", "http://127.0.0.1:0" }, "unknown option '--url'. Did you mean '--urls'?")]
    [InlineData(new[] { "-Storage:DatabasePath", "x.db" }, "unknown option '-Storage:DatabasePath'.")]
    public async Task UnknownCommandOrOption_Exits2WithASuggestionWithoutADatabase(string[] args, string expected)
    {
        var (exitCode, output) = await ServiceProcess.RunToExitAsync(Empty, temp.Path, args);

        Assert.Equal(2, exitCode);
        Assert.StartsWith($"qualitywatch: {expected}", output, StringComparison.Ordinal);
        Assert.Contains("--help", output, StringComparison.Ordinal);
        AssertNothingCreated(output);
    }

    [Fact]
    public async Task ConfigurationOverridesOnTheCommandLine_StillReachTheService()
    {
        var databasePath = Path.Combine(temp.Path, "override", "qw.db");
        await using var service = await ServiceProcess.StartAsync(Empty, temp.Path, "--Storage:DatabasePath", databasePath, "Sampling:EveryN=1");
        using var client = new HttpClient { BaseAddress = service.BaseAddress };

        var body = await (await client.PostAsync("/v1/interactions", Some.Json(Some.Interaction()))).ReadJsonAsync();

        Assert.Equal(1, body.GetProperty("sampled").GetInt32());
        Assert.True(File.Exists(databasePath));
    }

    private static Dictionary<string, string> Empty => [];

    private void AssertNothingCreated(string output)
    {
        Assert.DoesNotContain("Now listening", output, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(temp.Path));
    }
}
