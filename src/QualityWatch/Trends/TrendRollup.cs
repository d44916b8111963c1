using Dapper;
using Microsoft.Data.Sqlite;
using QualityWatch.Storage;

namespace QualityWatch.Trends;

/// <summary>
/// Recomputes the hourly and daily rollup buckets touched since the last run. A bucket is
/// touched when a sample in it was inserted or changed state (samples.updated_at) or got a
/// verdict (verdicts.judged_at) after the watermark; buckets follow the sample's occurred_at,
/// so late verdicts and backfills land in the hour/day the interaction happened. Each bucket is
/// deleted and re-inserted from samples + verdicts in one transaction: re-runs are idempotent.
/// </summary>
public sealed class TrendRollup(SqliteConnectionFactory connections, TrendCalendar calendar, TimeProvider time, ILogger<TrendRollup> logger) : IDisposable
{
    // Writers stamp updated_at before they commit; a row committed slightly after a run read the
    // watermark may carry an older stamp. Re-reading this much behind the watermark catches it.
    private static readonly long OverlapMs = (long)TimeSpan.FromMinutes(2).TotalMilliseconds;

    private readonly SemaphoreSlim gate = new(1, 1);

    public async Task<RollupResult> RunAsync(CancellationToken cancellationToken)
    {
        // The job and the report may both ask for a run; one at a time keeps the watermark honest.
        await gate.WaitAsync(cancellationToken);
        try
        {
            return await RunOnceAsync(cancellationToken);
        }
        finally
        {
            gate.Release();
        }
    }

    public void Dispose() => gate.Dispose();

    private async Task<RollupResult> RunOnceAsync(CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var zone = calendar.Zone.Id;
        var state = await connection.QuerySingleOrDefaultAsync<(long Watermark, string TimeZone)?>(
            "SELECT watermark AS Watermark, time_zone AS TimeZone FROM trend_state WHERE id = 1;");
        var since = long.MinValue;
        if (state is { } s && s.TimeZone == zone)
        {
            since = s.Watermark - OverlapMs;
        }
        else if (state is not null)
        {
            // Days cut in another zone no longer match any bucket this zone produces.
            await connection.ExecuteAsync("DELETE FROM trend_rollups WHERE granularity = 'day';");
            Log.TimeZoneChanged(logger, state.Value.TimeZone, zone);
        }

        var until = await connection.ExecuteScalarAsync<long?>(MaxStampSql) ?? 0;
        var hours = (await connection.QueryAsync<TouchedHour>(TouchedSql, new { since, until })).Select(t => (t.Stream, t.Hour)).Distinct().ToList();
        var days = hours
            .SelectMany(h => new[] { (h.Stream, Day: calendar.DayOf(h.Hour)), (h.Stream, Day: calendar.DayOf(h.Hour + TrendCalendar.HourMs - 1)) })
            .Distinct()
            .ToList();

        foreach (var (stream, hour) in hours)
        {
            await RecomputeAsync(connection, TrendGranularity.Hour, stream, hour, hour + TrendCalendar.HourMs, cancellationToken);
        }

        foreach (var (stream, day) in days)
        {
            await RecomputeAsync(connection, TrendGranularity.Day, stream, calendar.DayStartMs(day), calendar.DayStartMs(day.AddDays(1)), cancellationToken);
        }

        var watermark = Math.Max(until, state?.Watermark ?? 0);
        await connection.ExecuteAsync(SaveStateSql, new { watermark, zone, now = time.GetUtcNow().ToUnixTimeMilliseconds() });
        if (hours.Count > 0)
        {
            Log.RolledUp(logger, hours.Count, days.Count, watermark);
        }

        return new RollupResult(hours.Count, days.Count, watermark);
    }

    private sealed class TouchedHour
    {
        public string Stream { get; set; } = "";
        public long Hour { get; set; }
    }

    private const string MaxStampSql =
        """
        SELECT MAX(stamp) FROM (
            SELECT MAX(updated_at) AS stamp FROM samples
            UNION ALL
            SELECT MAX(judged_at) FROM verdicts);
        """;

    private const string TouchedSql =
        """
        SELECT stream AS Stream, occurred_at - (occurred_at % 3600000) AS Hour
        FROM samples WHERE updated_at > @since AND updated_at <= @until
        UNION
        SELECT s.stream, s.occurred_at - (s.occurred_at % 3600000)
        FROM verdicts v JOIN samples s ON s.interaction_id = v.interaction_id
        WHERE v.judged_at > @since AND v.judged_at <= @until;
        """;

    private const string SaveStateSql =
        """
        INSERT INTO trend_state (id, watermark, time_zone, updated_at) VALUES (1, @watermark, @zone, @now)
        ON CONFLICT (id) DO UPDATE SET watermark = excluded.watermark, time_zone = excluded.time_zone, updated_at = excluded.updated_at;
        """;

    private static async Task RecomputeAsync(SqliteConnection connection, string granularity, string stream, long start, long end, CancellationToken cancellationToken)
    {
        const string delete = "DELETE FROM trend_rollups WHERE granularity = @granularity AND stream = @stream AND bucket_start = @start;";

        // A sample judged under several rubric versions counts once, with its latest verdict.
        const string insert =
            """
            WITH latest AS (
                SELECT v.interaction_id, v.accuracy, v.tone, v.hallucination, v.prompt_tokens, v.cached_tokens,
                       v.output_tokens, v.thinking_tokens, v.cost_usd,
                       ROW_NUMBER() OVER (PARTITION BY v.interaction_id ORDER BY v.judged_at DESC, v.rubric_version DESC) AS rn
                FROM verdicts v JOIN samples s ON s.interaction_id = v.interaction_id
                WHERE s.stream = @stream AND s.occurred_at >= @start AND s.occurred_at < @end)
            INSERT INTO trend_rollups
                (granularity, bucket_start, bucket_end, stream, prompt_version, model, sampled, judged, failed, hallucinations,
                 accuracy_1, accuracy_2, accuracy_3, accuracy_4, accuracy_5, tone_1, tone_2, tone_3, tone_4, tone_5,
                 prompt_tokens, cached_tokens, output_tokens, thinking_tokens, cost_usd, first_seen, last_seen)
            SELECT @granularity, @start, @end, s.stream, COALESCE(s.prompt_version, ''), COALESCE(s.model, ''),
                   COUNT(*), COUNT(l.interaction_id), COALESCE(SUM(s.status = 'failed'), 0), COALESCE(SUM(l.hallucination), 0),
                   COALESCE(SUM(l.accuracy = 1), 0), COALESCE(SUM(l.accuracy = 2), 0), COALESCE(SUM(l.accuracy = 3), 0),
                   COALESCE(SUM(l.accuracy = 4), 0), COALESCE(SUM(l.accuracy = 5), 0),
                   COALESCE(SUM(l.tone = 1), 0), COALESCE(SUM(l.tone = 2), 0), COALESCE(SUM(l.tone = 3), 0),
                   COALESCE(SUM(l.tone = 4), 0), COALESCE(SUM(l.tone = 5), 0),
                   COALESCE(SUM(l.prompt_tokens), 0), COALESCE(SUM(l.cached_tokens), 0), COALESCE(SUM(l.output_tokens), 0),
                   COALESCE(SUM(l.thinking_tokens), 0), COALESCE(SUM(l.cost_usd), 0.0), MIN(s.occurred_at), MAX(s.occurred_at)
            FROM samples s LEFT JOIN latest l ON l.interaction_id = s.interaction_id AND l.rn = 1
            WHERE s.stream = @stream AND s.occurred_at >= @start AND s.occurred_at < @end
            GROUP BY COALESCE(s.prompt_version, ''), COALESCE(s.model, '');
            """;
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        var parameters = new { granularity, stream, start, end };
        await connection.ExecuteAsync(delete, parameters, transaction);
        await connection.ExecuteAsync(insert, parameters, transaction);
        await transaction.CommitAsync(cancellationToken);
    }
}
