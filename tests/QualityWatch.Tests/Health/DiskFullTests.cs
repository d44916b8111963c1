using System.Net;
using QualityWatch.Ingestion;
using QualityWatch.Storage;
using QualityWatch.Tests.Support;

namespace QualityWatch.Tests.Health;

/// <summary>
/// A full disk, simulated without root: <c>PRAGMA max_page_count</c> on every connection the service opens
/// makes each write that needs a new page fail with SQLITE_FULL, as a full disk does.
/// </summary>
public sealed class DiskFullTests
{
    private const string Unlimited = " PRAGMA max_page_count = 1073741823;";

    [Fact]
    public async Task DiskFull_Ingest503StoresNothing_ReadyzGoes503_AndBothRecoverByThemselvesWhenSpaceReturns()
    {
        using var temp = new TempDirectory();

        // A configured judge on a closed port with no sample waiting is healthy: only the disk is tested.
        var settings = JudgeHarness.JudgeSettings("gemini", new Uri($"http://127.0.0.1:{FreePort.Next()}/"));
        settings["Judge:AttemptBackoff"] = "00:10:00";
        settings["Health:StatusInterval"] = "00:00:01";
        await using var host = await InProcessHost.StartAsync(temp.DatabasePath, settings);
        Assert.Equal(HttpStatusCode.OK, (await HealthAnswer.GetAsync(host.Client, "/readyz")).Code);

        var factory = host.Services.GetRequiredService<SqliteConnectionFactory>();
        var pages = Db.Scalar<long>(temp.DatabasePath, "PRAGMA page_count");
        factory.ExtraPragmas = $" PRAGMA max_page_count = {pages};";

        // 100 samples of 20 KB each need far more pages than the file's free list holds.
        var batch = Some.Batch(100, _ => Some.Interaction(prompt: new string('q', 20_000)));
        using var refused = await host.Client.PostAsync("/v1/interactions", Some.Json(batch));
        var refusal = await refused.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Contains("\"storage_unavailable\"", refusal, StringComparison.Ordinal);
        Assert.NotNull(refused.Headers.RetryAfter);
        Assert.Equal(0, Db.Scalar<long>(temp.DatabasePath, "SELECT COUNT(*) FROM seen_interactions"));
        Assert.Equal(0, Db.Scalar<long>(temp.DatabasePath, "SELECT COUNT(*) FROM samples"));
        Assert.Equal(0, Db.Scalar<long>(temp.DatabasePath, "SELECT COALESCE(SUM(received), 0) FROM volume_hourly"));

        // The small probe row still fits, so only the commit outcome can tell: ingest decides readiness.
        var full = await HealthAnswer.GetAsync(host.Client, "/readyz");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, full.Code);
        Assert.Equal("Unhealthy", full.Checks["ingest"].Status);
        Assert.Contains("full", full.Checks["ingest"].Description, StringComparison.Ordinal);
        var status = await StatusAnswer.GetAsync(host.Client);
        Assert.Equal("down", status.Components["ingest"].State);

        // It stays unready while the disk stays full.
        var health = host.Services.GetRequiredService<IngestHealth>();
        var failedAt = health.Current.FailedAt;
        Assert.NotNull(failedAt);
        Assert.True(await Eventually.TrueAsync(async () => (await StatusAnswer.GetAsync(host.Client)).Body.Contains("probe write fails too", StringComparison.Ordinal), TimeSpan.FromSeconds(30)));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await HealthAnswer.GetAsync(host.Client, "/readyz")).Code);

        // Space returns: the background status round finds it without a /readyz call or any traffic.
        factory.ExtraPragmas = Unlimited;
        Assert.True(await Eventually.TrueAsync(() => !health.Current.Failing, TimeSpan.FromSeconds(60)), "ingest never recovered by itself");
        Assert.Equal(HttpStatusCode.OK, (await HealthAnswer.GetAsync(host.Client, "/readyz")).Code);

        using var accepted = await host.Client.PostAsync("/v1/interactions", Some.Json(batch));
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal(100, (await accepted.ReadJsonAsync()).GetProperty("accepted").GetInt32());
        Assert.Equal(100, Db.Scalar<long>(temp.DatabasePath, "SELECT COUNT(*) FROM samples"));
    }
}
