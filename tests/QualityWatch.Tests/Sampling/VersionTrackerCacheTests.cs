using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using QualityWatch.Sampling;
using QualityWatch.Storage;
using QualityWatch.Tests.Support;

namespace QualityWatch.Tests.Sampling;

/// <summary>
/// The tracker keeps the last stream's version dictionaries by reference for the writer's hot path; after a rolled-back
/// commit (<see cref="VersionTracker.Discard"/>) it must read the database again, not the kept dictionaries.
/// </summary>
public sealed class VersionTrackerCacheTests : IDisposable
{
    private const long Now = 1_772_440_000_000;
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public async Task Discard_AfterARolledBackCommit_ForgetsTheValuesItSaw_SoTheNextOneIsNewAgainAndBoosts()
    {
        var connections = new SqliteConnectionFactory(Options.Create(new StorageOptions { DatabasePath = temp.DatabasePath }));
        await new SchemaMigrator(connections, TimeProvider.System, NullLogger<SchemaMigrator>.Instance).MigrateAsync(CancellationToken.None);
        var tracker = new VersionTracker(Options.Create(new SamplingOptions()), NullLogger<VersionTracker>.Instance);
        var stream = new StreamDefinition("default", new Dictionary<string, string>(), 100, SamplingMode.EveryN);
        using var connection = connections.OpenWrite();

        using (var first = connection.BeginTransaction())
        {
            tracker.Observe(connection, first, stream, firstInteraction: true, "v1", "bot-1", Now);
            tracker.Save(connection, first);
            first.Commit();
        }

        using (var rolledBack = connection.BeginTransaction())
        {
            var seen = tracker.Observe(connection, rolledBack, stream, firstInteraction: false, "v2", "bot-1", Now + 1);
            Assert.Contains(seen, v => v.Value == "v2" && v.BoostUntil > Now);
            rolledBack.Rollback();
        }

        tracker.Discard();

        using var again = connection.BeginTransaction();
        var retried = tracker.Observe(connection, again, stream, firstInteraction: false, "v2", "bot-1", Now + 2);
        var v2 = Assert.Single(retried, v => v.Value == "v2");
        // New again: first seen now, and its boost started by this commit, not carried over from the rolled-back one.
        Assert.Equal(Now + 2, v2.FirstSeen);
        Assert.Equal(Now + 2 + (long)TimeSpan.FromHours(1).TotalMilliseconds, v2.BoostUntil);
    }
}
