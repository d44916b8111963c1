using System.Globalization;
using Dapper;
using QualityWatch.Notifications;
using QualityWatch.Storage;

namespace QualityWatch.Reports;

/// <summary>The <c>daily_reports</c> table: which days were sent, and what was sent.</summary>
internal sealed class ReportStore(SqliteConnectionFactory connections)
{
    /// <summary>The start of the first hour with any interaction received; null before the first one.</summary>
    public async Task<DateTimeOffset?> FirstTrafficAsync(CancellationToken cancellationToken)
    {
        const string sql = "SELECT MIN(hour_start) FROM volume_hourly;";
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long?>(sql) is { } ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null;
    }

    public async Task<bool> IsSentAsync(DateOnly day, CancellationToken cancellationToken)
    {
        const string sql = "SELECT COUNT(*) FROM daily_reports WHERE day = @day AND sent_at IS NOT NULL;";
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(sql, new { day = Key(day) }) > 0;
    }

    /// <summary>Stores the report as sent at <paramref name="sentAt"/>, replacing an earlier unsent build of the day.</summary>
    public async Task SaveSentAsync(DailyReport report, DateTimeOffset sentAt, CancellationToken cancellationToken)
    {
        const string upsert =
            """
            INSERT INTO daily_reports (day, time_zone, subject, text_body, html_body, created_at, sent_at)
            VALUES (@day, @TimeZone, @Subject, @TextBody, @HtmlBody, @now, @now)
            ON CONFLICT (day) DO UPDATE SET time_zone = excluded.time_zone, subject = excluded.subject, text_body = excluded.text_body,
                html_body = excluded.html_body, created_at = excluded.created_at, sent_at = excluded.sent_at;
            DELETE FROM daily_report_charts WHERE day = @day;
            """;
        const string chart = "INSERT INTO daily_report_charts (day, content_id, file_name, png) VALUES (@day, @ContentId, @FileName, @Content);";
        await using var connection = await connections.OpenWriteAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var day = Key(report.Day);
        await connection.ExecuteAsync(upsert, new { day, report.TimeZone, report.Subject, report.TextBody, report.HtmlBody, now = sentAt.ToUnixTimeMilliseconds() }, transaction);
        foreach (var c in report.Charts)
        {
            await connection.ExecuteAsync(chart, new { day, c.ContentId, c.FileName, c.Content }, transaction);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<StoredReport?> GetAsync(DateOnly day, CancellationToken cancellationToken)
    {
        const string report = "SELECT subject AS Subject, html_body AS HtmlBody, sent_at AS SentAt FROM daily_reports WHERE day = @day;";
        const string charts = "SELECT content_id AS ContentId, file_name AS FileName, png AS Png FROM daily_report_charts WHERE day = @day ORDER BY content_id;";
        await using var connection = await connections.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<ReportRow>(report, new { day = Key(day) });
        if (row is null)
        {
            return null;
        }

        var images = await connection.QueryAsync<ChartRow>(charts, new { day = Key(day) });
        return new StoredReport(
            Key(day),
            row.Subject,
            row.HtmlBody,
            row.SentAt is { } sent ? DateTimeOffset.FromUnixTimeMilliseconds(sent) : null,
            [.. images.Select(i => new NotificationAttachment(i.FileName, "image/png", i.Png, i.ContentId))]);
    }

    private static string Key(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private sealed class ReportRow
    {
        public string Subject { get; set; } = "";
        public string HtmlBody { get; set; } = "";
        public long? SentAt { get; set; }
    }

    private sealed class ChartRow
    {
        public string ContentId { get; set; } = "";
        public string FileName { get; set; } = "";
        public byte[] Png { get; set; } = [];
    }
}
