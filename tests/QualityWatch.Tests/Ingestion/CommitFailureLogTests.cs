using System.Net;
using Dapper;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using QualityWatch.Storage;
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
        var logs = new FakeLogCollector();
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

        var failure = Assert.Single(logs.GetSnapshot(), r => r.Is(2000)).Text();
        Assert.Contains("database or disk is full", failure, StringComparison.Ordinal);
        Assert.Contains(" at ", failure, StringComparison.Ordinal); // the first one keeps its stack trace
        Assert.DoesNotContain(logs.GetSnapshot(), r => r.Is(2005));

        time.Advance(LogThrottle.Period);

        var summary = Assert.Single(logs.GetSnapshot(), r => r.Is(2005));
        Assert.Contains("repeated 29 times in the last 00:01:00", summary.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task QueueFull_IsLoggedOnce_ThenSummarisedWithItsCount()
    {
        using var temp = new TempDirectory();
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
        var logs = new FakeLogCollector();
        var settings = new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Default"] = "Information",
            ["Ingest:QueueCapacity"] = "1",
            ["Storage:BusyTimeout"] = "00:02:00",
        };
        await using var host = await InProcessHost.StartAsync(temp.DatabasePath, settings, logs, time);

        // Another writer holds the write turn, so the ingest writer waits with its group and the queue fills.
        var turn = host.Services.GetRequiredService<SqliteConnectionFactory>().OpenWrite();
        var held = new List<Task<HttpResponseMessage>>();
        var refused = 0;
        for (var i = 0; i < 40 && refused < 25; i++)
        {
            // A refusal is answered at once; a request the writer holds is not answered until the turn is free.
            var post = host.Client.PostAsync("/v1/interactions", Some.Json(Some.Batch(1)));
            if (await Task.WhenAny(post, Task.Delay(TimeSpan.FromSeconds(5))) == post && (await post).StatusCode == HttpStatusCode.ServiceUnavailable)
            {
                refused++;
            }
            else
            {
                held.Add(post);
            }
        }

        Assert.Equal(25, refused);
        Assert.Single(logs.GetSnapshot(), r => r.Is(2003));
        time.Advance(LogThrottle.Period);
        var summary = Assert.Single(logs.GetSnapshot(), r => r.Is(2006));
        Assert.Contains("24 more times in the last 00:01:00", summary.Message, StringComparison.Ordinal);

        // Once the turn is free, the requests that were queued are stored and answered.
        turn.Dispose();
        Assert.All(await Task.WhenAll(held), r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
    }
}
