using System.Net;
using Dapper;
using Microsoft.Extensions.Time.Testing;
using QualityWatch.Tests.Support;

namespace QualityWatch.Tests.Ingestion;

/// <summary>The dedup record over time: exact within Ingest:DedupWindow, and bounded however fast ids arrive.</summary>
public sealed class DedupWindowTests : IAsyncLifetime
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(10);
    private readonly TempDirectory temp = new();
    private readonly FakeTimeProvider time = new(DateTimeOffset.UtcNow);
    private InProcessHost host = null!;

    public async Task InitializeAsync() => host = await InProcessHost.StartAsync(
        temp.DatabasePath, new Dictionary<string, string?> { ["Ingest:DedupWindow"] = Window.ToString() }, time: time);

    public async Task DisposeAsync()
    {
        await host.DisposeAsync();
        temp.Dispose();
    }

    [Fact]
    public async Task Dedup_ManyIdsOlderThanTheWindow_AreAllDroppedAtTheNextCommit()
    {
        // More than the old row-by-row prune removed per minute (10,000).
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(10_000, (await PostAsync(10_000)).Accepted);
        }

        time.Advance(Window * 2);
        Assert.Equal(1, (await PostAsync(1)).Accepted);

        await StoredIdsBecomeAsync(1);
    }

    [Fact]
    public async Task Dedup_IdSeenWithinTheWindow_IsADuplicateUntilTheWindowHasPassed()
    {
        var id = Some.Id();
        Assert.Equal((1, 0), await PostAsync(id));

        // Later slices of the window go to newer buckets; the id is still found in the older one.
        time.Advance(Window * 0.9);
        Assert.Equal((0, 1), await PostAsync(id));

        time.Advance(Window * 0.2);
        Assert.Equal((1, 0), await PostAsync(id));
        Assert.Equal((0, 1), await PostAsync(id));
    }

    [Fact]
    public async Task Dedup_CommitFails_ExpiredIdsAreDroppedAnyway()
    {
        Assert.Equal(500, (await PostAsync(500)).Accepted);
        time.Advance(Window * 2);

        // As a full disk would: every group commit fails from now on.
        Execute("CREATE TRIGGER test_fail_commit BEFORE INSERT ON volume_hourly BEGIN SELECT RAISE(FAIL, 'simulated full disk'); END;");
        using (var failed = await host.Client.PostAsync("/v1/interactions", Some.Json(Some.Interaction())))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, failed.StatusCode);
        }

        await StoredIdsBecomeAsync(0);
    }

    [Fact]
    public async Task Dedup_ExpiryFails_TheCommittedRequestIsStillAcknowledged()
    {
        Assert.Equal(500, (await PostAsync(500)).Accepted);
        time.Advance(Window * 2);

        // Whatever expiry deletes refuses to be deleted: the bucket list, or the single table before it existed.
        var expired = Db.Scalar<long>(temp.DatabasePath, "SELECT COUNT(*) FROM sqlite_master WHERE name = 'seen_buckets'") == 1 ? "seen_buckets" : "seen_interactions";
        Execute($"CREATE TRIGGER test_fail_expiry BEFORE DELETE ON {expired} BEGIN SELECT RAISE(FAIL, 'simulated expiry failure'); END;");
        var id = Some.Id();

        Assert.Equal((1, 0), await PostAsync(id));
        Assert.Equal((0, 1), await PostAsync(id));

        Execute("DROP TRIGGER test_fail_expiry;");
        Assert.Equal((1, 0), await PostAsync(Some.Id()));
        await StoredIdsBecomeAsync(2);
    }

    private async Task<(int Accepted, int Duplicates)> PostAsync(string id) => await PostAsync(Some.Json(Some.Interaction(id)));

    private async Task<(int Accepted, int Duplicates)> PostAsync(int count) => await PostAsync(Some.Ndjson(Enumerable.Range(0, count).Select(_ => Some.Interaction())));

    private async Task<(int Accepted, int Duplicates)> PostAsync(HttpContent body)
    {
        using (body)
        using (var response = await host.Client.PostAsync("/v1/interactions", body))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var json = await response.ReadJsonAsync();
            return (json.GetProperty("accepted").GetInt32(), json.GetProperty("duplicates").GetInt32());
        }
    }

    // Expiry runs once the commit's requests are answered.
    private async Task StoredIdsBecomeAsync(long expected)
    {
        await Eventually.TrueAsync(() => StoredIds() == expected, TimeSpan.FromSeconds(30));
        Assert.Equal(expected, StoredIds());
    }

    private long StoredIds() => Db.Scalar<long>(temp.DatabasePath, "SELECT COUNT(*) FROM seen_interactions");

    private void Execute(string sql)
    {
        using var connection = Db.Open(temp.DatabasePath);
        connection.Execute(sql);
    }
}
