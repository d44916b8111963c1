using Dapper;
using Microsoft.Extensions.Options;
using QualityWatch.Alerting;
using QualityWatch.Judging.Queue;
using QualityWatch.Sampling;
using QualityWatch.Storage;
using QualityWatch.Trends;

namespace QualityWatch.WebConsole;

/// <summary>
/// The overview's numbers, from the rollups (not the samples table, so 1 M samples cost what 1 k do): the last
/// 24 hourly buckets, today's (UTC, as budgets count) spend, the waiting queue, firing alerts and per-version totals.
/// </summary>
internal sealed class OverviewQueries(
    SqliteConnectionFactory connections, TrendQueries trends, AlertStore alerts, IOptions<SamplingOptions> sampling, TimeProvider time)
{
    // ix_samples_queue (status, ...): only the waiting samples are read.
    private const string QueueSql =
        $"""
        SELECT stream AS Stream, status AS Status, COUNT(*) AS Samples, MIN(received_at) AS Oldest
        FROM samples WHERE status IN ('{SampleStatuses.Pending}', '{SampleStatuses.Leased}') GROUP BY stream, status;
        """;

    public async Task<IReadOnlyList<StreamOverview>> ReadAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var nowMs = now.ToUnixTimeMilliseconds();
        var dayAgo = TrendCalendar.HourStart(nowMs) - (23 * TrendCalendar.HourMs);
        var utcMidnight = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero).ToUnixTimeMilliseconds();
        var hours = await trends.GetAsync(TrendGranularity.Hour, null, Math.Min(dayAgo, utcMidnight), nowMs + 1, cancellationToken);
        var versions = await trends.VersionsAsync(null, cancellationToken);
        var firing = (await alerts.ListAsync(cancellationToken)).Where(a => a.State == AlertState.Firing).ToList();

        await using var connection = await connections.OpenAsync(cancellationToken);
        var queue = (await connection.QueryAsync<(string Stream, string Status, long Samples, long Oldest)>(new CommandDefinition(QueueSql, cancellationToken: cancellationToken))).ToList();

        var streams = hours.Select(h => h.Stream).Concat(versions.Select(v => v.Stream)).Concat(queue.Select(q => q.Stream)).Distinct().Order(StringComparer.Ordinal);
        return [.. streams.Select(stream =>
        {
            var day = hours.Where(h => h.Stream == stream && h.BucketStart >= dayAgo).Aggregate(new TrendBucket { Stream = stream }, (sum, b) => sum.Add(b));
            var today = hours.Where(h => h.Stream == stream && h.BucketStart >= utcMidnight).ToList();
            var waiting = queue.Where(q => q.Stream == stream).ToList();
            return new StreamOverview(
                stream,
                day,
                waiting.Where(q => q.Status == "pending").Sum(q => q.Samples),
                waiting.Where(q => q.Status == "leased").Sum(q => q.Samples),
                waiting.Count == 0 ? null : DateTimeOffset.FromUnixTimeMilliseconds(waiting.Min(q => q.Oldest)),
                today.Sum(h => h.CostUsd),
                today.Sum(h => h.Sampled),
                sampling.Value.Streams.FirstOrDefault(s => s.Name == stream)?.Budget ?? sampling.Value.Budget,
                [.. firing.Where(a => a.Stream == stream)],
                [.. versions.Where(v => v.Stream == stream).OrderByDescending(v => v.FirstSeen ?? 0)]);
        })];
    }
}
