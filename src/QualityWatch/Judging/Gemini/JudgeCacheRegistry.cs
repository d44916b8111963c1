using Dapper;
using QualityWatch.Storage;

namespace QualityWatch.Judging.Gemini;

/// <summary>The <c>judge_caches</c> table: every cachedContents this service created, so it can clean up after itself.</summary>
internal sealed class JudgeCacheRegistry(SqliteConnectionFactory connections)
{
    public async Task RecordAsync(string name, string model, string rubricVersion, DateTimeOffset expireAt, DateTimeOffset now, CancellationToken cancellationToken)
    {
        const string sql =
            """
            INSERT INTO judge_caches (name, model, rubric_version, expire_at, created_at) VALUES (@name, @model, @rubricVersion, @expire, @now)
            ON CONFLICT (name) DO UPDATE SET expire_at = excluded.expire_at, deleted_at = NULL;
            """;
        await using var connection = await connections.OpenWriteAsync(cancellationToken);
        await connection.ExecuteAsync(sql, new { name, model, rubricVersion, expire = expireAt.ToUnixTimeMilliseconds(), now = now.ToUnixTimeMilliseconds() });
    }

    public async Task MarkDeletedAsync(string name, DateTimeOffset now, CancellationToken cancellationToken)
    {
        const string sql = "UPDATE judge_caches SET deleted_at = @now WHERE name = @name AND deleted_at IS NULL;";
        await using var connection = await connections.OpenWriteAsync(cancellationToken);
        await connection.ExecuteAsync(sql, new { name, now = now.ToUnixTimeMilliseconds() });
    }

    public async Task<IReadOnlyList<RecordedCache>> LiveAsync(CancellationToken cancellationToken)
    {
        const string sql = "SELECT name AS Name, model AS Model, rubric_version AS RubricVersion, expire_at AS ExpireAt FROM judge_caches WHERE deleted_at IS NULL;";
        await using var connection = await connections.OpenAsync(cancellationToken);
        return [.. await connection.QueryAsync<RecordedCache>(sql)];
    }

    public sealed record RecordedCache(string Name, string Model, string RubricVersion, long ExpireAt);
}
