using System.Net;
using Microsoft.Extensions.Hosting;
using QualityWatch.Tests.Support;

namespace QualityWatch.Tests.Health;

public sealed class ReadinessTests
{
    [Fact]
    public async Task Readyz_FreshDatabaseWithSimulatorJudge_IsHealthyBeforeAndAfterJudging()
    {
        await using var harness = await JudgeHarness.StartAsync();

        var fresh = await HealthAnswer.GetAsync(harness.Host.Client, "/readyz");
        Assert.Equal(HttpStatusCode.OK, fresh.Code);
        Assert.Equal("Healthy", fresh.Status);
        Assert.Equal(["database", "judge", "shutdown"], fresh.Checks.Keys.Order());
        Assert.All(fresh.Checks.Values, c => Assert.Equal("Healthy", c.Status));
        Assert.Contains("schema version", fresh.Checks["database"].Description, StringComparison.Ordinal);

        await harness.SendAsync("It shipped.");
        Assert.Equal(1, (await harness.SettleAsync()).GetValueOrDefault("done"));
        var judged = await HealthAnswer.GetAsync(harness.Host.Client, "/readyz");
        Assert.Equal(HttpStatusCode.OK, judged.Code);
        Assert.StartsWith("Last verdict at", judged.Checks["judge"].Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Healthz_RunsOnlyTheLivenessCheck_EvenWhenNotReady()
    {
        using var temp = new TempDirectory();
        await using var host = await InProcessHost.StartAsync(temp.DatabasePath, NoJudgeKey());

        var live = await HealthAnswer.GetAsync(host.Client, "/healthz");
        var ready = await HealthAnswer.GetAsync(host.Client, "/readyz");

        Assert.Equal(HttpStatusCode.OK, live.Code);
        Assert.Equal(["process"], live.Checks.Keys);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.Code);
    }

    [Fact]
    public async Task Readyz_WithoutAJudgeKey_Is503NamingTheSetting()
    {
        using var temp = new TempDirectory();
        await using var host = await InProcessHost.StartAsync(temp.DatabasePath, NoJudgeKey());

        var ready = await HealthAnswer.GetAsync(host.Client, "/readyz");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.Code);
        Assert.Equal("Unhealthy", ready.Status);
        Assert.Equal("Unhealthy", ready.Checks["judge"].Status);
        Assert.Contains("Judge:ApiKey", ready.Checks["judge"].Description, StringComparison.Ordinal);
        Assert.Equal("Healthy", ready.Checks["database"].Status);
    }

    [Fact]
    public async Task Readyz_WhileAnotherProcessHoldsTheWriteLock_Is503_AndRecoversWhenItIsReleased()
    {
        await using var harness = await JudgeHarness.StartAsync(settings: new Dictionary<string, string?> { ["Storage:BusyTimeout"] = "00:00:00.300" });
        Assert.Equal(HttpStatusCode.OK, (await HealthAnswer.GetAsync(harness.Host.Client, "/readyz")).Code);

        HealthAnswer locked;
        using (var holder = Db.Open(harness.DatabasePath))
        {
            using var begin = holder.CreateCommand();
            begin.CommandText = "BEGIN IMMEDIATE;";
            begin.ExecuteNonQuery();
            locked = await HealthAnswer.GetAsync(harness.Host.Client, "/readyz");
            using var rollback = holder.CreateCommand();
            rollback.CommandText = "ROLLBACK;";
            rollback.ExecuteNonQuery();
        }

        Assert.Equal(HttpStatusCode.ServiceUnavailable, locked.Code);
        Assert.Equal("Unhealthy", locked.Checks["database"].Status);
        Assert.Contains("locked", locked.Checks["database"].Description, StringComparison.Ordinal);

        var released = await HealthAnswer.GetAsync(harness.Host.Client, "/readyz");
        Assert.Equal(HttpStatusCode.OK, released.Code);
    }

    [Fact]
    public async Task Readyz_WhenTheDataDirectoryIsRemoved_Is503SayingTheFileIsMissing()
    {
        await using var harness = await JudgeHarness.StartAsync();
        Assert.Equal(HttpStatusCode.OK, (await HealthAnswer.GetAsync(harness.Host.Client, "/readyz")).Code);

        Directory.Delete(Path.GetDirectoryName(harness.DatabasePath)!, recursive: true);
        var gone = await HealthAnswer.GetAsync(harness.Host.Client, "/readyz");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, gone.Code);
        Assert.Equal("Unhealthy", gone.Checks["database"].Status);
        Assert.Contains("missing", gone.Checks["database"].Description, StringComparison.Ordinal);
        Assert.False(File.Exists(harness.DatabasePath), "the check must not re-create the file");
    }

    [Fact]
    public async Task Readyz_DatabaseBehindThisBuildsSchema_Is503NamingBothVersions()
    {
        await using var harness = await JudgeHarness.StartAsync();
        var latest = Db.Scalar<long>(harness.DatabasePath, "SELECT MAX(version) FROM schema_version");

        var previous = Db.Scalar<long>(harness.DatabasePath, "DELETE FROM schema_version WHERE version = @latest; SELECT MAX(version) FROM schema_version;", new { latest });
        var behind = await HealthAnswer.GetAsync(harness.Host.Client, "/readyz");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, behind.Code);
        Assert.Contains($"schema version {previous}; this build needs {latest}", behind.Checks["database"].Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Readyz_JudgeOnAClosedPort_IsReadyUntilASampleWaits_ThenUnhealthy()
    {
        using var temp = new TempDirectory();
        var settings = JudgeHarness.JudgeSettings("gemini", new Uri($"http://127.0.0.1:{Ports.Closed()}/"));
        settings["Judge:MaxRetries"] = "0";

        // Keep the sample pending (not failed) after its first refused call.
        settings["Judge:AttemptBackoff"] = "00:10:00";
        await using var host = await InProcessHost.StartAsync(temp.DatabasePath, settings);

        var idle = await HealthAnswer.GetAsync(host.Client, "/readyz");
        Assert.Equal(HttpStatusCode.OK, idle.Code);

        (await host.Client.PostAsync("/v1/interactions", Some.Json(Some.Interaction()))).EnsureSuccessStatusCode();
        var unreachable = await HealthAnswer.WaitAsync(host.Client, "/readyz", a => a.Code != HttpStatusCode.OK);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, unreachable.Code);
        Assert.Equal("Unhealthy", unreachable.Checks["judge"].Status);
        Assert.Contains("Transient: connection failed", unreachable.Checks["judge"].Description, StringComparison.Ordinal);
        Assert.Equal("Healthy", unreachable.Checks["database"].Status);
    }

    [Fact]
    public async Task StopApplication_IngestAnswers503ShuttingDown_StoresNothing_AndReadyzFails()
    {
        await using var harness = await JudgeHarness.StartAsync();
        harness.Host.Services.GetRequiredService<IHostApplicationLifetime>().StopApplication();

        var batch = Some.Batch(3);
        using var refused = await harness.Host.Client.PostAsync("/v1/interactions", Some.Json(batch));
        var body = await refused.Content.ReadAsStringAsync();
        var ready = await HealthAnswer.GetAsync(harness.Host.Client, "/readyz");
        var live = await HealthAnswer.GetAsync(harness.Host.Client, "/healthz");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Contains("\"shutting_down\"", body, StringComparison.Ordinal);
        Assert.NotNull(refused.Headers.RetryAfter);
        Assert.Equal(0, Db.Scalar<long>(harness.DatabasePath, "SELECT COUNT(*) FROM seen_interactions"));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.Code);
        Assert.Equal("Unhealthy", ready.Checks["shutdown"].Status);
        Assert.Equal(HttpStatusCode.OK, live.Code);
    }

    private static Dictionary<string, string?> NoJudgeKey() => new() { ["Judge:ApiKey"] = "", ["GEMINI_API_KEY"] = "" };
}
