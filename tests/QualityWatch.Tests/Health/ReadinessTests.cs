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
        Assert.Equal(["database", "ingest", "shutdown"], fresh.Checks.Keys.Order());
        Assert.All(fresh.Checks.Values, c => Assert.Equal("Healthy", c.Status));
        Assert.Contains("schema version", fresh.Checks["database"].Description, StringComparison.Ordinal);

        await harness.SendAsync("It shipped.");
        Assert.Equal(1, (await harness.SettleAsync()).GetValueOrDefault("done"));
        var judged = await HealthAnswer.GetAsync(harness.Host.Client, "/readyz");
        Assert.Equal(HttpStatusCode.OK, judged.Code);
        Assert.StartsWith("Last commit at", judged.Checks["ingest"].Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Healthz_RunsOnlyTheLivenessCheck_EvenWhenNotReady()
    {
        using var temp = new TempDirectory();
        await using var host = await InProcessHost.StartAsync(temp.DatabasePath, new Dictionary<string, string?> { ["Storage:BusyTimeout"] = "00:00:00.300" });

        HealthAnswer live, ready;
        using (var holder = Db.Open(temp.DatabasePath))
        {
            using var begin = holder.CreateCommand();
            begin.CommandText = "BEGIN IMMEDIATE;";
            begin.ExecuteNonQuery();
            live = await HealthAnswer.GetAsync(host.Client, "/healthz");
            ready = await HealthAnswer.GetAsync(host.Client, "/readyz");
        }

        Assert.Equal(HttpStatusCode.OK, live.Code);
        Assert.Equal(["process"], live.Checks.Keys);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.Code);
    }

    [Fact]
    public async Task Readyz_WithoutAJudgeKey_Is200_TheJudgeIsNotPartOfReadiness()
    {
        using var temp = new TempDirectory();
        await using var host = await InProcessHost.StartAsync(temp.DatabasePath, NoJudgeKey());

        var ready = await HealthAnswer.GetAsync(host.Client, "/readyz");

        Assert.Equal(HttpStatusCode.OK, ready.Code);
        Assert.Equal("Healthy", ready.Status);
        Assert.DoesNotContain("judge", ready.Checks.Keys);
        (await host.Client.PostAsync("/v1/interactions", Some.Json(Some.Interaction()))).EnsureSuccessStatusCode();
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
    public async Task Readyz_JudgeOnAClosedPort_StaysReadyWhileASampleWaits_StatusSaysTheJudgeIsDown()
    {
        using var temp = new TempDirectory();
        var settings = JudgeHarness.JudgeSettings("gemini", new Uri($"http://127.0.0.1:{FreePort.Next()}/"));
        settings["Judge:MaxRetries"] = "0";

        // Keep the sample pending (not failed) after its first refused call.
        settings["Judge:AttemptBackoff"] = "00:10:00";
        await using var host = await InProcessHost.StartAsync(temp.DatabasePath, settings);

        var idle = await HealthAnswer.GetAsync(host.Client, "/readyz");
        Assert.Equal(HttpStatusCode.OK, idle.Code);

        (await host.Client.PostAsync("/v1/interactions", Some.Json(Some.Interaction()))).EnsureSuccessStatusCode();
        var judge = await StatusAnswer.WaitAsync(host.Client, s => s.Components["judge"].State == "down");

        Assert.Equal("down", judge.Components["judge"].State);
        Assert.Contains("Transient: connection failed", judge.Components["judge"].Reason, StringComparison.Ordinal);
        Assert.Equal("up", judge.Components["ingest"].State);
        var ready = await HealthAnswer.GetAsync(host.Client, "/readyz");
        Assert.Equal(HttpStatusCode.OK, ready.Code);
        Assert.DoesNotContain("judge", ready.Checks.Keys);
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

    internal static Dictionary<string, string?> NoJudgeKey() => new() { ["Judge:ApiKey"] = "", ["GEMINI_API_KEY"] = "" };
}
