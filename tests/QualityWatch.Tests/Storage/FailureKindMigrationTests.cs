using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using QualityWatch.Storage;
using QualityWatch.Tests.Support;

namespace QualityWatch.Tests.Storage;

/// <summary>
/// A database from before <c>failure_kind</c> (schema 13), whose rows carry the kind only as the start of
/// <c>last_error</c>, gets the column filled from it, so a sample that was shedding in Flex still falls back.
/// </summary>
public sealed class FailureKindMigrationTests : IDisposable
{
    private const int LastVersionWithoutColumn = 13;
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public async Task Migrate_OldRows_FailureKindIsReadFromLastError()
    {
        CreateOldSchema();
        Seed("unavailable", "Unavailable: HTTP 503 UNAVAILABLE", "pending");
        Seed("quota", "DailyQuota: 429 RESOURCE_EXHAUSTED", "pending");
        Seed("invalid", "InvalidReply: missing field 'accuracy'", "failed");
        Seed("judged", null, "done");
        Seed("odd", "something: not a kind", "pending");
        Work("invalid", "InvalidReply: missing field 'tone'");
        Work("quota", "batch job expired");

        var connections = new SqliteConnectionFactory(Options.Create(new StorageOptions { DatabasePath = temp.DatabasePath }));
        await new SchemaMigrator(connections, TimeProvider.System, NullLogger<SchemaMigrator>.Instance).MigrateAsync(CancellationToken.None);

        var samples = Db.Query<(string Id, string? Kind)>(temp.DatabasePath, "SELECT interaction_id, failure_kind FROM samples").ToDictionary(r => r.Id, r => r.Kind);
        Assert.Equal("Unavailable", samples["unavailable"]);
        Assert.Equal("DailyQuota", samples["quota"]);
        Assert.Equal("InvalidReply", samples["invalid"]);
        Assert.Null(samples["judged"]);
        Assert.Null(samples["odd"]);
        var work = Db.Query<(string Id, string? Kind)>(temp.DatabasePath, "SELECT interaction_id, failure_kind FROM backfill_work").ToDictionary(r => r.Id, r => r.Kind);
        Assert.Equal("InvalidReply", work["invalid"]);
        Assert.Null(work["quota"]);

        // What people read is untouched.
        Assert.Equal("Unavailable: HTTP 503 UNAVAILABLE", Db.Scalar<string>(temp.DatabasePath, "SELECT last_error FROM samples WHERE interaction_id = 'unavailable'"));
    }

    private void CreateOldSchema()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(temp.DatabasePath)!);
        using var connection = Open();
        connection.Execute("PRAGMA journal_mode = WAL; CREATE TABLE schema_version (version INTEGER NOT NULL PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL);");
        foreach (var migration in SchemaMigrator.Known.Where(m => m.Version <= LastVersionWithoutColumn))
        {
            connection.Execute(migration.Sql);
            connection.Execute("INSERT INTO schema_version VALUES (@Version, @Name, 0);", migration);
        }
    }

    private void Seed(string id, string? lastError, string status)
    {
        using var connection = Open();
        connection.Execute(
            """
            INSERT INTO samples (interaction_id, stream, occurred_at, received_at, prompt, response, labels, redactions, sample_reason, status, attempts, last_error, updated_at)
            VALUES (@id, 'default', 0, 0, 'p', 'r', '{}', '{}', 'every_n', @status, 1, @lastError, 0);
            """,
            new { id, status, lastError });
    }

    private void Work(string id, string lastError)
    {
        using var connection = Open();
        connection.Execute(
            "INSERT INTO backfill_work (interaction_id, rubric_version, status, attempts, last_error, updated_at) VALUES (@id, 'v1', 'pending', 1, @lastError, 0);",
            new { id, lastError });
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection($"Data Source={temp.DatabasePath};Pooling=False");
        connection.Open();
        return connection;
    }
}
