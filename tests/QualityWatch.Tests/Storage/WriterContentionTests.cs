using System.Net;
using QualityWatch.Judging;
using QualityWatch.Judging.Queue;
using QualityWatch.Tests.Support;

namespace QualityWatch.Tests.Storage;

/// <summary>
/// Writers of one process colliding on the SQLite write lock, as in the demo on a loaded machine: the
/// ingest writer committing back to back while judge verdicts are stored.
/// </summary>
public sealed class WriterContentionTests : IAsyncLifetime
{
    private const int Verdicts = 6;
    private const int LoadRequests = 40;
    private const int PerRequest = 1000;
    private readonly TempDirectory temp = new();
    private InProcessHost host = null!;

    public async Task InitializeAsync() => host = await InProcessHost.StartAsync(temp.DatabasePath, new Dictionary<string, string?>
    {
        ["Sampling:EveryN"] = "1",
        ["Storage:BusyTimeout"] = "00:00:02",
        // One request per group commit, so a backlog of requests keeps the writer committing back to back.
        ["Ingest:MaxInteractionsPerCommit"] = PerRequest.ToString(System.Globalization.CultureInfo.InvariantCulture),
    });

    public async Task DisposeAsync()
    {
        await host.DisposeAsync();
        temp.Dispose();
    }

    [Fact]
    public async Task VerdictCommits_WhileIngestCommitsBackToBack_WaitTheirTurnAndSucceed()
    {
        var ids = Enumerable.Range(0, Verdicts).Select(_ => Some.Id()).ToArray();
        using (var first = await host.Client.PostAsync("/v1/interactions", Some.Ndjson(ids.Select(id => Some.Interaction(id)))))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }

        var leases = host.Services.GetRequiredService<SampleQueue>();
        var now = DateTimeOffset.UtcNow;
        var leased = await leases.LeaseAsync("contention-test", new JudgeLaneSlots(Verdicts, 0), JudgeTiers.Flex, now, TimeSpan.FromHours(1), CancellationToken.None);
        Assert.Equal(Verdicts, leased.Count);

        var load = Task.WhenAll(Enumerable.Range(0, LoadRequests).Select(_ => PostAsync(Some.Ndjson(Some.Batch(PerRequest).Select(n => n!.AsObject())))));
        Assert.True(
            await Eventually.TrueAsync(() => Db.Scalar<long>(temp.DatabasePath, "SELECT COALESCE(SUM(received), 0) FROM volume_hourly") > Verdicts, TimeSpan.FromSeconds(60)),
            "the load never reached the database");

        // Each verdict commit has to get the write lock between two ingest commits. SQLite's busy handler
        // polls every 100 ms and the writer takes the lock again within microseconds, so without a fair
        // turn these fail with "database is locked" after Storage:BusyTimeout.
        foreach (var sample in leased)
        {
            var verdict = new VerdictRecord(sample.InteractionId, "rubric-test", 4, 5, false, "[]", "fine", "test", "judge-model", "flex", "flex", 10, 1, 100, 0, 20, 0, 0.0001, now.ToUnixTimeMilliseconds());
            Assert.True(await leases.CompleteAsync("contention-test", verdict, CancellationToken.None));
        }

        Assert.False(load.IsCompleted, "the ingest load finished before the verdicts were stored, so they never collided with it");
        Assert.All(await load, status => Assert.Equal(HttpStatusCode.OK, status));
        Assert.Equal(Verdicts, Db.Scalar<long>(temp.DatabasePath, "SELECT COUNT(*) FROM samples WHERE status = 'done'"));
    }

    private async Task<HttpStatusCode> PostAsync(HttpContent body)
    {
        using (body)
        using (var response = await host.Client.PostAsync("/v1/interactions", body))
        {
            return response.StatusCode;
        }
    }
}
