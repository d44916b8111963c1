using Dapper;
using QualityWatch.Judging.Queue;
using QualityWatch.Storage;
using QualityWatch.Trends;

namespace QualityWatch.WebConsole;

/// <summary>The numbers behind <c>/health</c>: each read uses an index or a small table, never a scan of samples.</summary>
internal sealed class HealthPageQueries(SqliteConnectionFactory connections, TimeProvider time)
{
    // volume_hourly's key starts with stream; the hour filter on a few hundred rows per stream is cheap.
    private const string IngestSql =
        "SELECT COALESCE(SUM(received), 0), COALESCE(SUM(sampled), 0) FROM volume_hourly WHERE hour_start >= @From;";

    private const string QueueSql =
        $"SELECT stream, status, COUNT(*) FROM samples WHERE status IN ('{SampleStatuses.Pending}', '{SampleStatuses.Leased}') GROUP BY stream, status ORDER BY stream, status;";

    private const string CachesSql =
        "SELECT name, model, rubric_version, expire_at FROM judge_caches WHERE deleted_at IS NULL ORDER BY created_at DESC LIMIT 20;";

    // ix_notification_deliveries_due (status, next_attempt_at): the open lanes only.
    private const string LanesSql =
        """
        SELECT channel, status, COUNT(*), MIN(next_attempt_at) FROM notification_deliveries
        WHERE status = @Open GROUP BY channel, status ORDER BY channel;
        """;

    public async Task<HealthFacts> ReadAsync(CancellationToken cancellationToken)
    {
        var from = TrendCalendar.HourStart(time.GetUtcNow().ToUnixTimeMilliseconds());
        await using var connection = await connections.OpenAsync(cancellationToken);
        var (received, sampled) = await connection.QuerySingleAsync<(long, long)>(new CommandDefinition(IngestSql, new { From = from }, cancellationToken: cancellationToken));
        var queue = await connection.QueryAsync<(string, string, long)>(new CommandDefinition(QueueSql, cancellationToken: cancellationToken));
        var caches = await connection.QueryAsync<(string, string, string, long)>(new CommandDefinition(CachesSql, cancellationToken: cancellationToken));
        var lanes = await connection.QueryAsync<(string, string, long, long?)>(new CommandDefinition(LanesSql, new { Open = "pending" }, cancellationToken: cancellationToken));
        return new HealthFacts(received, sampled, [.. queue], [.. caches], [.. lanes]);
    }
}
