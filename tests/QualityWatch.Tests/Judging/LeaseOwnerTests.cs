using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using QualityWatch.Judging;
using QualityWatch.Telemetry;
using QualityWatch.Tests.Support;
using QualityWatch.Tests.Trends;

namespace QualityWatch.Tests.Judging;

/// <summary>
/// Dead lease owners' samples come back at once with their attempt refunded; a live owner's never do.
/// A "dead process" here is what kill -9 leaves: its row, its leases and its lock file, unlocked.
/// </summary>
public sealed class LeaseOwnerTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider time = new(Start);
    private readonly JudgeOptions options = new();
    private TrendsDb db = null!;

    public async Task InitializeAsync() => db = await TrendsDb.CreateAsync(time: time);

    public Task DisposeAsync()
    {
        db.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Beat_OwnerWhoseLockFileIsFree_GetsItsLeasesBackAtOnceWithTheAttemptRefunded()
    {
        var dead = Guid.NewGuid().ToString("N");
        RegisterForeignOwner("host:41:" + dead, dead, heartbeatAt: Start);
        File.WriteAllText(Path.Combine(LockFolder, dead + ".lock"), "");
        LeaseSample("s1", "host:41:" + dead, attempts: 1);
        using var restarted = NewOwner();

        var reclaimed = await restarted.BeatAsync(CancellationToken.None);

        Assert.Equal(1, reclaimed);
        Assert.Equal([("pending", 0L, (string?)null)], Samples());
        Assert.DoesNotContain("host:41:" + dead, Owners());
        Assert.False(File.Exists(Path.Combine(LockFolder, dead + ".lock")));
    }

    [Fact]
    public async Task Beat_DeadBackfillRun_GetsItsBackfillLeasesBackToo()
    {
        var dead = Guid.NewGuid().ToString("N");
        RegisterForeignOwner("host:42:" + dead, dead, heartbeatAt: Start);
        File.WriteAllText(Path.Combine(LockFolder, dead + ".lock"), "");
        db.Sample("s1", "2026-03-02T08:00:00Z", status: "done");
        using (var connection = Db.Open(db.DatabasePath))
        {
            connection.Execute(
                "INSERT INTO backfill_work (interaction_id, rubric_version, status, lease_owner, lease_expires_at, attempts, updated_at) VALUES ('s1', 'v2', 'leased', @owner, @expires, 3, 0);",
                new { owner = "host:42:" + dead, expires = (Start + TimeSpan.FromDays(1)).ToUnixTimeMilliseconds() });
        }

        using var service = NewOwner();

        Assert.Equal(1, await service.BeatAsync(CancellationToken.None));
        Assert.Equal([("pending", 2L, (string?)null)], Db.Query<(string, long, string?)>(db.DatabasePath, "SELECT status, attempts, lease_owner FROM backfill_work"));
    }

    [Fact]
    public async Task Beat_OwnerHoldingItsLockFile_KeepsItsLeasesEvenWithAStaleHeartbeat()
    {
        using var live = NewOwner();
        await live.EnsureRegisteredAsync(CancellationToken.None);
        LeaseSample("s1", live.Id, attempts: 1);
        using var other = NewOwner();
        time.Advance(options.OwnerTimeout * 10);

        var reclaimed = await other.BeatAsync(CancellationToken.None);

        Assert.Equal(0, reclaimed);
        Assert.Equal([("leased", 1L, live.Id)], Samples());
        Assert.Contains(live.Id, Owners());
    }

    [Fact]
    public async Task Beat_OwnerWithoutALockFileHere_IsDeadOnlyOnceItsHeartbeatIsStale()
    {
        RegisterForeignOwner("elsewhere:7:x", Guid.NewGuid().ToString("N"), heartbeatAt: Start);
        LeaseSample("s1", "elsewhere:7:x", attempts: 2);
        using var owner = NewOwner();

        time.Advance(options.OwnerTimeout - TimeSpan.FromSeconds(1));
        Assert.Equal(0, await owner.BeatAsync(CancellationToken.None));
        Assert.Equal([("leased", 2L, "elsewhere:7:x")], Samples());

        time.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(1, await owner.BeatAsync(CancellationToken.None));
        Assert.Equal([("pending", 1L, (string?)null)], Samples());
    }

    [Fact]
    public async Task Retire_AfterACleanStop_ForgetsTheOwnerAndFreesItsLock()
    {
        var owner = NewOwner();
        await owner.BeatAsync(CancellationToken.None);
        Assert.Contains(owner.Id, Owners());

        await owner.RetireAsync(CancellationToken.None);
        owner.Dispose();

        Assert.Empty(Owners());
        Assert.Empty(Directory.GetFiles(LockFolder));
    }

    private string LockFolder => Directory.CreateDirectory(db.DatabasePath + ".owners").FullName;

    private LeaseOwner NewOwner() =>
        new(new LeaseOwnerStore(db.Connections), db.Connections, new JudgeQueueSignal(), Options.Create(options), time, new LogThrottle(time), NullLogger<LeaseOwner>.Instance);

    private void RegisterForeignOwner(string owner, string instance, DateTimeOffset heartbeatAt)
    {
        using var connection = Db.Open(db.DatabasePath);
        connection.Execute(
            "INSERT INTO lease_owners (owner, instance, started_at, heartbeat_at) VALUES (@owner, @instance, @at, @at);",
            new { owner, instance, at = heartbeatAt.ToUnixTimeMilliseconds() });
    }

    private void LeaseSample(string id, string owner, int attempts)
    {
        db.Sample(id, "2026-03-02T08:00:00Z", status: "pending");
        using var connection = Db.Open(db.DatabasePath);
        connection.Execute(
            "UPDATE samples SET status = 'leased', lease_owner = @owner, lease_expires_at = @expires, attempts = @attempts WHERE interaction_id = @id;",
            new { id, owner, attempts, expires = (Start + TimeSpan.FromDays(1)).ToUnixTimeMilliseconds() });
    }

    private List<(string Status, long Attempts, string? Owner)> Samples() =>
        Db.Query<(string, long, string?)>(db.DatabasePath, "SELECT status, attempts, lease_owner FROM samples ORDER BY interaction_id");

    private List<string> Owners() => Db.Query<string>(db.DatabasePath, "SELECT owner FROM lease_owners");
}
