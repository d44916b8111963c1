using Dapper;
using QualityWatch.Storage;

namespace QualityWatch.Trends;

/// <summary>
/// Reads rollups for the API and the daily report. Interaction volume comes live from
/// volume_hourly (itself an hourly rollup kept by ingest), summed into local days here.
/// </summary>
internal sealed class TrendQueries(SqliteConnectionFactory connections, TrendCalendar calendar)
{
    private const string Columns =
        """
        bucket_start AS BucketStart, bucket_end AS BucketEnd, stream AS Stream, prompt_version AS PromptVersion, model AS Model,
        sampled AS Sampled, judged AS Judged, failed AS Failed, hallucinations AS Hallucinations,
        accuracy_1 AS Accuracy1, accuracy_2 AS Accuracy2, accuracy_3 AS Accuracy3, accuracy_4 AS Accuracy4, accuracy_5 AS Accuracy5,
        tone_1 AS Tone1, tone_2 AS Tone2, tone_3 AS Tone3, tone_4 AS Tone4, tone_5 AS Tone5,
        prompt_tokens AS PromptTokens, cached_tokens AS CachedTokens, output_tokens AS OutputTokens,
        thinking_tokens AS ThinkingTokens, cost_usd AS CostUsd, first_seen AS FirstSeen, last_seen AS LastSeen
        """;

    /// <summary>Buckets starting in [from, to) (Unix ms), ordered by time, stream, prompt_version, model.</summary>
    public async Task<IReadOnlyList<TrendBucket>> GetAsync(string granularity, string? stream, long from, long to, CancellationToken cancellationToken)
    {
        const string rollups =
            $"""
            SELECT {Columns} FROM trend_rollups
            WHERE granularity = @granularity AND (@stream IS NULL OR stream = @stream) AND bucket_start >= @from AND bucket_start < @to;
            """;
        const string volume =
            """
            SELECT stream AS Stream, hour_start AS HourStart, prompt_version AS PromptVersion, model AS Model, received AS Received
            FROM volume_hourly
            WHERE (@stream IS NULL OR stream = @stream) AND hour_start >= @from AND hour_start < @to;
            """;
        await using var connection = await connections.OpenAsync(cancellationToken);
        var buckets = (await connection.QueryAsync<TrendBucket>(rollups, new { granularity, stream, from, to }))
            .ToDictionary(b => (b.BucketStart, b.Stream, b.PromptVersion, b.Model));
        foreach (var v in await connection.QueryAsync<VolumeRow>(volume, new { stream, from, to }))
        {
            var (start, end) = granularity == TrendGranularity.Hour
                ? (v.HourStart, v.HourStart + TrendCalendar.HourMs)
                : DayBounds(v.HourStart);
            if (start < from)
            {
                continue;
            }

            var key = (start, v.Stream, v.PromptVersion, v.Model);
            if (!buckets.TryGetValue(key, out var bucket))
            {
                bucket = new TrendBucket { BucketStart = start, BucketEnd = end, Stream = v.Stream, PromptVersion = v.PromptVersion, Model = v.Model };
                buckets[key] = bucket;
            }

            bucket.Interactions += v.Received;
        }

        return [.. buckets.Values.OrderBy(b => b.BucketStart).ThenBy(b => b.Stream, StringComparer.Ordinal)
            .ThenBy(b => b.PromptVersion, StringComparer.Ordinal).ThenBy(b => b.Model, StringComparer.Ordinal)];
    }

    /// <summary>All-time totals per stream x prompt_version x model, newest first seen first.</summary>
    public async Task<IReadOnlyList<TrendBucket>> VersionsAsync(string? stream, CancellationToken cancellationToken)
    {
        // Summed here, not row by row in .NET: at 1 M samples over 30 days the hourly rows number thousands, and
        // materialising each cost the deploy view and the overview tens of milliseconds.
        const string rollups =
            """
            SELECT stream AS Stream, prompt_version AS PromptVersion, model AS Model,
                   SUM(sampled) AS Sampled, SUM(judged) AS Judged, SUM(failed) AS Failed, SUM(hallucinations) AS Hallucinations,
                   SUM(accuracy_1) AS Accuracy1, SUM(accuracy_2) AS Accuracy2, SUM(accuracy_3) AS Accuracy3, SUM(accuracy_4) AS Accuracy4,
                   SUM(accuracy_5) AS Accuracy5, SUM(tone_1) AS Tone1, SUM(tone_2) AS Tone2, SUM(tone_3) AS Tone3, SUM(tone_4) AS Tone4,
                   SUM(tone_5) AS Tone5, SUM(prompt_tokens) AS PromptTokens, SUM(cached_tokens) AS CachedTokens,
                   SUM(output_tokens) AS OutputTokens, SUM(thinking_tokens) AS ThinkingTokens, SUM(cost_usd) AS CostUsd,
                   MIN(first_seen) AS FirstSeen, MAX(last_seen) AS LastSeen
            FROM trend_rollups WHERE granularity = 'hour' AND (@stream IS NULL OR stream = @stream)
            GROUP BY stream, prompt_version, model;
            """;
        const string volume =
            """
            SELECT stream AS Stream, MIN(hour_start) AS HourStart, prompt_version AS PromptVersion, model AS Model, SUM(received) AS Received
            FROM volume_hourly WHERE (@stream IS NULL OR stream = @stream)
            GROUP BY stream, prompt_version, model;
            """;
        await using var connection = await connections.OpenAsync(cancellationToken);
        var totals = new Dictionary<(string, string, string), TrendBucket>();
        TrendBucket For(string s, string p, string m)
        {
            if (!totals.TryGetValue((s, p, m), out var total))
            {
                total = new TrendBucket { Stream = s, PromptVersion = p, Model = m };
                totals[(s, p, m)] = total;
            }

            return total;
        }

        foreach (var row in await connection.QueryAsync<TrendBucket>(rollups, new { stream }))
        {
            For(row.Stream, row.PromptVersion, row.Model).Add(row);
        }

        foreach (var v in await connection.QueryAsync<VolumeRow>(volume, new { stream }))
        {
            var total = For(v.Stream, v.PromptVersion, v.Model);
            total.Interactions += v.Received;

            // Unsampled traffic is only known by its hour: the hour start bounds when it was first seen.
            total.FirstSeen = total.FirstSeen is { } first ? Math.Min(first, v.HourStart) : v.HourStart;
        }

        return [.. totals.Values.OrderBy(t => t.Stream, StringComparer.Ordinal).ThenByDescending(t => t.FirstSeen)];
    }

    private (long Start, long End) DayBounds(long instantMs)
    {
        var day = calendar.DayOf(instantMs);
        return (calendar.DayStartMs(day), calendar.DayStartMs(day.AddDays(1)));
    }

    // A class, not a positional record: SQLite reports no column type for MIN/SUM over zero rows,
    // and Dapper then cannot match a constructor.
    private sealed class VolumeRow
    {
        public string Stream { get; set; } = "";
        public long HourStart { get; set; }
        public string PromptVersion { get; set; } = "";
        public string Model { get; set; } = "";
        public long Received { get; set; }
    }
}
