using QualityWatch.Health;
using QualityWatch.Tests.Support;

namespace QualityWatch.Tests.Health;

public sealed class HealthCheckCommandTests
{
    [Theory]
    [InlineData(null, "http://127.0.0.1:8080/healthz")]
    [InlineData("http://+:8080", "http://127.0.0.1:8080/healthz")]
    [InlineData("http://*:9000", "http://127.0.0.1:9000/healthz")]
    [InlineData("http://0.0.0.0:8081", "http://127.0.0.1:8081/healthz")]
    [InlineData("http://[::]:8080", "http://[::1]:8080/healthz")]
    [InlineData("https://+:8443;http://+:8080", "http://127.0.0.1:8080/healthz")]
    [InlineData("http://localhost:5000", "http://localhost:5000/healthz")]
    public void ProbeUri_ProbesTheFirstHttpListenUrlOnLoopback(string? urls, string expected)
    {
        Assert.Equal(new Uri(expected), HealthCheckCommand.ProbeUri(urls));
    }

    [Fact]
    public async Task Healthcheck_AgainstTheRunningService_Exits0_AndAgainstAClosedPort_Exits1()
    {
        using var temp = new TempDirectory();
        var environment = new Dictionary<string, string> { ["Storage__DatabasePath"] = temp.DatabasePath };
        await using var service = await ServiceProcess.StartAsync(environment, temp.Path);

        var (up, upOutput) = await ServiceProcess.RunToExitAsync(new Dictionary<string, string>(), temp.Path, "healthcheck", "--urls", service.BaseAddress.ToString());
        var (down, downOutput) = await ServiceProcess.RunToExitAsync(new Dictionary<string, string>(), temp.Path, "healthcheck", "--urls", $"http://127.0.0.1:{FreePort.Next()}");

        Assert.True(up == 0, upOutput);
        Assert.Contains("healthy: ", upOutput, StringComparison.Ordinal);
        Assert.True(down == 1, downOutput);
        Assert.Contains("unhealthy: ", downOutput, StringComparison.Ordinal);
    }

    [Fact]
    public void ProbeUri_WithTheReadinessPath_ProbesReadyz()
    {
        Assert.Equal(new Uri("http://127.0.0.1:8080/readyz"), HealthCheckCommand.ProbeUri("http://0.0.0.0:8080", "/readyz"));
    }

    [Fact]
    public async Task HealthcheckReady_ProbesReadyz_Exits1WhileNotReady_ThoughTheProcessIsAlive()
    {
        // Another process holds the write lock: alive, but not ready.
        using var temp = new TempDirectory();
        await using var service = await ServiceProcess.StartAsync(
            new Dictionary<string, string> { ["Storage__DatabasePath"] = temp.DatabasePath, ["Storage__BusyTimeout"] = "00:00:00.300" }, temp.Path);
        using var holder = Db.Open(temp.DatabasePath);
        using var begin = holder.CreateCommand();
        begin.CommandText = "BEGIN IMMEDIATE;";
        begin.ExecuteNonQuery();

        var (live, liveOutput) = await ServiceProcess.RunToExitAsync(new Dictionary<string, string>(), temp.Path, "healthcheck", "--urls", service.BaseAddress.ToString());
        var (ready, readyOutput) = await ServiceProcess.RunToExitAsync(new Dictionary<string, string>(), temp.Path, "healthcheck", "--ready", "--urls", service.BaseAddress.ToString());

        Assert.True(live == 0, liveOutput);
        Assert.True(ready == 1, readyOutput);
        Assert.Contains("/readyz answered 503", readyOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Healthcheck_ReadsTheListenUrlFromAspNetCoreUrls_AsInTheContainer()
    {
        using var temp = new TempDirectory();
        await using var service = await ServiceProcess.StartAsync(new Dictionary<string, string> { ["Storage__DatabasePath"] = temp.DatabasePath }, temp.Path);
        var wildcard = $"http://+:{service.BaseAddress.Port}";

        var (code, output) = await ServiceProcess.RunToExitAsync(new Dictionary<string, string> { ["ASPNETCORE_URLS"] = wildcard }, temp.Path, "healthcheck");

        Assert.True(code == 0, output);
        Assert.Contains($"http://127.0.0.1:{service.BaseAddress.Port}/healthz", output, StringComparison.Ordinal);
    }
}
