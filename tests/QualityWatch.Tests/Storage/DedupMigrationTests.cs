using System.Net;
using Dapper;
using Microsoft.Extensions.Time.Testing;
using QualityWatch.Storage;
using QualityWatch.Tests.Support;

namespace QualityWatch.Tests.Storage;

/// <summary>A database from before the dedup buckets (schema 9) keeps its in-window dedup record through the upgrade.</summary>
public sealed class DedupMigrationTests : IDisposable
{
    private const int LastSingleTableVersion = 9;
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public async Task Migrate_SingleSeenTable_InWindowIdsStayDuplicatesAndTheTableIsDroppedOnceExpired()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        var window = TimeSpan.FromHours(1);
        CreateSchema9(("recent", now - (long)TimeSpan.FromMinutes(50).TotalMilliseconds), ("expired", now - (long)TimeSpan.FromMinutes(70).TotalMilliseconds));

        await using var host = await InProcessHost.StartAsync(temp.DatabasePath, new Dictionary<string, string?> { ["Ingest:DedupWindow"] = window.ToString() }, time: time);

        Assert.Equal((0, 1), await PostAsync(host, "recent"));
        Assert.Equal((1, 0), await PostAsync(host, "expired"));
        Assert.Contains("seen_legacy", Tables());

        time.Advance(TimeSpan.FromMinutes(11));
        Assert.Equal((1, 0), await PostAsync(host, "recent"));

        // Expiry runs once the commit's request is answered.
        await Eventually.TrueAsync(() => !Tables().Contains("seen_legacy"), TimeSpan.FromSeconds(30));
        Assert.DoesNotContain("seen_legacy", Tables());
        Assert.Equal(2, Db.Scalar<long>(temp.DatabasePath, "SELECT COUNT(*) FROM seen_interactions"));
    }

    private void CreateSchema9(params (string Id, long SeenAt)[] seen)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(temp.DatabasePath)!);
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={temp.DatabasePath};Pooling=False");
        connection.Open();
        connection.Execute("PRAGMA journal_mode = WAL; CREATE TABLE schema_version (version INTEGER NOT NULL PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL);");
        foreach (var migration in SchemaMigrator.Known.Where(m => m.Version <= LastSingleTableVersion))
        {
            connection.Execute(migration.Sql);
            connection.Execute("INSERT INTO schema_version VALUES (@Version, @Name, 0);", migration);
        }

        connection.Execute("INSERT INTO seen_interactions (interaction_id, seen_at) VALUES (@Id, @SeenAt);", seen.Select(s => new { s.Id, s.SeenAt }));
    }

    private List<string> Tables() => Db.Query<string>(temp.DatabasePath, "SELECT name FROM sqlite_master WHERE type = 'table'");

    private static async Task<(int Accepted, int Duplicates)> PostAsync(InProcessHost host, string id)
    {
        using var response = await host.Client.PostAsync("/v1/interactions", Some.Json(Some.Interaction(id)));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await response.ReadJsonAsync();
        return (json.GetProperty("accepted").GetInt32(), json.GetProperty("duplicates").GetInt32());
    }
}
