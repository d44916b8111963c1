using System.Net;
using Dapper;
using Microsoft.Extensions.Time.Testing;
using QualityWatch.Telemetry;
using QualityWatch.Tests.Support;

namespace QualityWatch.Tests.Ingestion;

public sealed class CommitFailureLogTests
{
    [Fact]
    public async Task RepeatedCommitFailure_IsLoggedInFullOnce_ThenSummarisedWithItsCount()
    {
        using var temp = new TempDirectory();
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
        var logs = new LogCapture();
        var settings = new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Information", ["Sampling:EveryN"] = "1" };
        await using var host = await InProcessHost.StartAsync(temp.DatabasePath, settings, logs, time);

        // The disk is "full" from now on: every commit that stores a sample fails the same way.
        using (var connection = Db.Open(temp.DatabasePath))
        {
            connection.Execute("CREATE TRIGGER full_disk BEFORE INSERT ON samples BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END;");
        }

        for (var i = 0; i < 30; i++)
        {
            var response = await host.Client.PostAsync("/v1/interactions", Some.Json(Some.Batch(1)));
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        }

        var failure = Assert.Single(logs.Lines, l => l.Contains("IngestWriter[2000]", StringComparison.Ordinal));
        Assert.Contains("database or disk is full", failure, StringComparison.Ordinal);
        Assert.Contains(" at ", failure, StringComparison.Ordinal); // the first one keeps its stack trace
        Assert.DoesNotContain(logs.Lines, l => l.Contains("[2005]", StringComparison.Ordinal));

        time.Advance(LogThrottle.Period);

        var summary = Assert.Single(logs.Lines, l => l.Contains("IngestWriter[2005]", StringComparison.Ordinal));
        Assert.Contains("repeated 29 times in the last 00:01:00", summary, StringComparison.Ordinal);
    }
}
