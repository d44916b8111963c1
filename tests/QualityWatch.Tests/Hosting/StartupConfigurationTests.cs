using QualityWatch.Tests.Support;

namespace QualityWatch.Tests.Hosting;

/// <summary>The service as an operator starts it: a real process, environment overrides, exit codes.</summary>
public sealed class StartupConfigurationTests : IDisposable
{
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public async Task Start_StreamWithEveryNZero_ExitsNamingTheKeyAndTheValue()
    {
        var (exitCode, output) = await ServiceProcess.RunToExitAsync(
            new Dictionary<string, string>
            {
                ["Storage__DatabasePath"] = temp.DatabasePath,
                ["Sampling__Streams__0__Name"] = "support",
                ["Sampling__Streams__0__Match__dataset"] = "customer-support-v2",
                ["Sampling__Streams__0__EveryN"] = "0",
            },
            temp.Path);

        Assert.Equal(2, exitCode);
        Assert.Contains("Sampling:Streams:0:EveryN must be >= 1, was 0", output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_NoApiKeysOnAPublicAddress_IsRefused()
    {
        var (exitCode, output) = await ServiceProcess.RunToExitAsync(
            new Dictionary<string, string> { ["Storage__DatabasePath"] = temp.DatabasePath },
            temp.Path,
            "--urls",
            "http://0.0.0.0:0");

        Assert.Equal(2, exitCode);
        Assert.Contains("Auth:Keys and Ingest:ApiKeys are empty but the service listens on http://0.0.0.0:0", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://0.0.0.0:0")]
    [InlineData("http://*:0")]
    public async Task Start_NoApiKeysAndAKestrelEndpointBeyondLoopback_IsRefusedNamingTheAddress(string url)
    {
        // The usual way to configure HTTPS; Kestrel then ignores --urls, which stays on loopback here.
        var (exitCode, output) = await ServiceProcess.RunToExitAsync(
            new Dictionary<string, string> { ["Storage__DatabasePath"] = temp.DatabasePath, ["Kestrel__Endpoints__Public__Url"] = url },
            temp.Path,
            "--urls",
            "http://127.0.0.1:0");

        Assert.Equal(2, exitCode);
        Assert.Contains(
            $"QualityWatch cannot start: Auth:Keys and Ingest:ApiKeys are empty but the service listens on {url} (Kestrel:Endpoints:Public:Url), which is not loopback.",
            output,
            StringComparison.Ordinal);
        Assert.DoesNotContain("Now listening on", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_ApiKeyAndAKestrelEndpointBeyondLoopback_ListensAndRequiresTheKey()
    {
        await using var service = await ServiceProcess.StartAsync(
            new Dictionary<string, string>
            {
                ["Storage__DatabasePath"] = temp.DatabasePath,
                ["Kestrel__Endpoints__Public__Url"] = "http://0.0.0.0:0",
                ["Ingest__ApiKeys__0"] = "test-key-0123456789abcdef",
            },
            temp.Path);
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{service.BaseAddress.Port}") };

        var response = await client.PostAsync("/v1/interactions", Some.Json(Some.Interaction()));

        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Start_UnknownEnumValue_ExitsNamingTheKey()
    {
        var (exitCode, output) = await ServiceProcess.RunToExitAsync(
            new Dictionary<string, string> { ["Storage__DatabasePath"] = temp.DatabasePath, ["Storage__Synchronous"] = "Sometimes" },
            temp.Path);

        Assert.Equal(2, exitCode);
        Assert.Contains("Storage:Synchronous", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_WithDefaults_CreatesTheDatabaseUnderDataAndHonoursQwPrefixedOverrides()
    {
        // No database path given: the default data/qualitywatch.db relative to the working directory.
        await using var service = await ServiceProcess.StartAsync(new Dictionary<string, string> { ["QW_Sampling__EveryN"] = "1" }, temp.Path);
        using var client = new HttpClient { BaseAddress = service.BaseAddress };

        var body = await (await client.PostAsync("/v1/interactions", Some.Json(Some.Interaction()))).ReadJsonAsync();

        Assert.Equal(1, body.GetProperty("sampled").GetInt32());
        Assert.True(File.Exists(Path.Combine(temp.Path, "data", "qualitywatch.db")));
        Assert.Contains("API authentication is off", service.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_DatabaseFromANewerVersion_IsRefusedWithAClearMessage()
    {
        await using (var first = await InProcessHost.StartAsync(temp.DatabasePath))
        {
        }

        using (var connection = Db.Open(temp.DatabasePath))
        {
            Dapper.SqlMapper.Execute(connection, "INSERT INTO schema_version (version, name, applied_at) VALUES (999, 'future', 0)");
        }

        var (exitCode, output) = await ServiceProcess.RunToExitAsync(new Dictionary<string, string> { ["Storage__DatabasePath"] = temp.DatabasePath }, temp.Path);

        Assert.Equal(3, exitCode);
        Assert.Contains("has schema version 999", output, StringComparison.Ordinal);
        Assert.Contains("Storage:DatabasePath", output, StringComparison.Ordinal);
    }
}
