using System.Globalization;
using System.Net;
using QualityWatch.Tests.Backfill;
using QualityWatch.Tests.Support;

namespace QualityWatch.Tests.Ingestion;

/// <summary>Ingest takes timestamps back to Ingest:MaxTimestampAge only; history goes through backfill, never before 1970.</summary>
public sealed class TimestampHorizonTests
{
    [Theory]
    [InlineData("0001-01-01T00:00:00Z", "before 1970")]
    [InlineData("1969-12-31T23:59:59Z", "before 1970")]
    [InlineData("OLD", "Ingest:MaxTimestampAge")]
    public async Task Ingest_TimestampBeyondTheHorizon_Is400NamingWhy_AndStoresNothing(string timestamp, string reason)
    {
        using var temp = new TempDirectory();
        await using var host = await InProcessHost.StartAsync(temp.DatabasePath);
        var old = DateTimeOffset.UtcNow.AddDays(-401).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

        using var response = await host.Client.PostAsync("/v1/interactions", Some.Json(Some.Interaction(timestamp: timestamp == "OLD" ? old : timestamp)));
        var body = await response.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("invalid_interaction", body.GetProperty("error").GetString());
        Assert.Contains(reason, body.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, Db.Scalar<long>(temp.DatabasePath, "SELECT COUNT(*) FROM seen_interactions"));
    }

    [Fact]
    public async Task Ingest_TimestampWithinTheHorizon_IsAccepted()
    {
        using var temp = new TempDirectory();
        await using var host = await InProcessHost.StartAsync(temp.DatabasePath);
        var recent = DateTimeOffset.UtcNow.AddDays(-399).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

        using var response = await host.Client.PostAsync("/v1/interactions", Some.Json(Some.Interaction(timestamp: recent)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Backfill_TakesHistoryOlderThanTheHorizon_ButNotBefore1970()
    {
        using var temp = new TempDirectory();
        var old = DateTimeOffset.UtcNow.AddDays(-800).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        var log = BackfillLogs.Write(Path.Combine(temp.Path, "old.jsonl"),
        [
            Some.Interaction(timestamp: old).ToJsonString(),
            Some.Interaction(timestamp: "0001-01-01T00:00:00Z").ToJsonString(),
        ]);

        var (exit, output, errors) = await BackfillRunner.RunAsync(temp.DatabasePath, new Dictionary<string, string?>(), default, log, "--every", "1", "--dry-run");

        Assert.True(exit == 0, output + errors);
        Assert.Contains("Read 2 lines from 1 file(s): 1 skipped as invalid", output, StringComparison.Ordinal);
        Assert.Contains($"{log}:2: timestamp is before 1970", errors, StringComparison.Ordinal);
    }
}
