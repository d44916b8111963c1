using System.Net;
using System.Net.Sockets;
using QualityWatch.Tests.Support;

namespace QualityWatch.Tests.Hosting;

/// <summary>
/// What the environment can break at start-up ends with exit 2 or 3 and one line naming the problem,
/// never a crash (134): deploy/qualitywatch.service lists 2 and 3 in RestartPreventExitStatus.
/// </summary>
public sealed class StartupFailureTests : IDisposable
{
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public async Task Start_PortAlreadyInUse_Exits2NamingTheAddress()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var url = $"http://127.0.0.1:{((IPEndPoint)taken.LocalEndpoint).Port}";

        var (exitCode, output) = await ServiceProcess.RunToExitAsync(Settings(), temp.Path, "--urls", url);

        Assert.Equal(2, exitCode);
        Assert.Contains($"QualityWatch cannot start: Failed to bind to address {url}: address already in use.", LastLine(output), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("127.0.0.1:8080")]
    [InlineData("http://127.0.0.1:eighty")]
    [InlineData("ftp://127.0.0.1:8080")]
    public async Task Start_MalformedAspNetCoreUrls_Exits2NamingTheValue(string urls)
    {
        var settings = Settings();
        settings["ASPNETCORE_URLS"] = urls;

        var (exitCode, output) = await ServiceProcess.RunToExitAsync(settings, temp.Path, "--Logging:LogLevel:Default", "Warning");

        Assert.Equal(2, exitCode);
        Assert.StartsWith($"QualityWatch cannot start: urls holds '{urls}', which is not a listen URL", LastLine(output), StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
        Assert.False(File.Exists(temp.DatabasePath));
    }

    [Fact]
    public async Task Start_DatabaseFolderCannotBeCreated_Exits3NamingThePath()
    {
        // A file where the folder should be: unwritable for every user, root included.
        var blocker = Path.Combine(temp.Path, "not-a-folder");
        await File.WriteAllTextAsync(blocker, "");
        var databasePath = Path.Combine(blocker, "data", "qualitywatch.db");

        var (exitCode, output) = await ServiceProcess.RunToExitAsync(
            new Dictionary<string, string> { ["Storage__DatabasePath"] = databasePath }, temp.Path, "--urls", "http://127.0.0.1:0");

        Assert.Equal(3, exitCode);
        Assert.StartsWith($"QualityWatch cannot start: The database '{databasePath}' cannot be created or opened", LastLine(output), StringComparison.Ordinal);
        Assert.Contains("Storage:DatabasePath", LastLine(output), StringComparison.Ordinal);
    }

    private Dictionary<string, string> Settings() => new() { ["Storage__DatabasePath"] = temp.DatabasePath };

    private static string LastLine(string output) => output.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1];
}
