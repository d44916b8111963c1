using QualityWatch.Storage;
using QualityWatch.Tests.Support;

namespace QualityWatch.Tests.Storage;

public sealed class SchemaMigratorTests : IDisposable
{
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public async Task Migrate_FreshFile_AppliesEveryMigrationOnceInWalMode()
    {
        await using (var host = await InProcessHost.StartAsync(temp.DatabasePath))
        {
        }

        await using (var again = await InProcessHost.StartAsync(temp.DatabasePath))
        {
        }

        var versions = Db.Query<long>(temp.DatabasePath, "SELECT version FROM schema_version ORDER BY version");
        Assert.Equal(SchemaMigrator.Known.Select(m => (long)m.Version), versions);
        Assert.NotEmpty(versions);
        Assert.Equal("wal", Db.Scalar<string>(temp.DatabasePath, "PRAGMA journal_mode"));
        var tables = Db.Query<string>(temp.DatabasePath, "SELECT name FROM sqlite_master WHERE type = 'table'");
        Assert.Superset(new HashSet<string> { "samples", "seen_buckets", "sampling_state", "volume_hourly" }, tables.ToHashSet());
        Assert.Equal(["seen_interactions"], Db.Query<string>(temp.DatabasePath, "SELECT name FROM sqlite_master WHERE type = 'view'"));
    }
}
