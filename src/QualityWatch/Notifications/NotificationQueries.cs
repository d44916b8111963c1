using Dapper;
using QualityWatch.Storage;

namespace QualityWatch.Notifications;

/// <summary>Read-only queries behind the notifications API.</summary>
internal sealed class NotificationQueries(SqliteConnectionFactory connections)
{
    private const string DeliveryColumns =
        """
        d.id AS Id, d.notification_id AS NotificationId, d.channel AS Channel, n.kind AS Kind, n.key AS Key, d.reason AS Reason,
        n.subject AS Subject, d.status AS Status, d.attempts AS Attempts, d.last_error AS LastError,
        d.next_attempt_at AS NextAttemptAt, d.sent_at AS SentAt, d.created_at AS CreatedAt, d.updated_at AS UpdatedAt
        """;

    /// <summary>Deliveries, newest first, optionally of one status and/or channel.</summary>
    public async Task<IReadOnlyList<DeliveryView>> ListAsync(string? status, string? channel, int limit, CancellationToken cancellationToken)
    {
        const string sql =
            $"""
            SELECT {DeliveryColumns}
            FROM notification_deliveries d JOIN notifications n ON n.id = d.notification_id
            WHERE (@status IS NULL OR d.status = @status) AND (@channel IS NULL OR d.channel = @channel)
            ORDER BY d.id DESC LIMIT @limit;
            """;
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<DeliveryRow>(sql, new { status, channel, limit });
        return [.. rows.Select(ToView)];
    }

    /// <summary>One notification with every delivery and every attempt; null when unknown.</summary>
    public async Task<NotificationView?> GetAsync(string id, CancellationToken cancellationToken)
    {
        const string notification = "SELECT id, payload, created_at FROM notifications WHERE id = @id;";
        const string deliveries =
            $"""
            SELECT {DeliveryColumns}
            FROM notification_deliveries d JOIN notifications n ON n.id = d.notification_id
            WHERE d.notification_id = @id ORDER BY d.id;
            """;
        const string attempts =
            """
            SELECT a.delivery_id AS DeliveryId, a.attempt AS Attempt, a.attempted_at AS AttemptedAt, a.outcome AS Outcome, a.error AS Error
            FROM notification_attempts a JOIN notification_deliveries d ON d.id = a.delivery_id
            WHERE d.notification_id = @id ORDER BY a.delivery_id, a.attempt;
            """;
        await using var connection = await connections.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<(string Id, string Payload, long CreatedAt)?>(notification, new { id });
        if (row is not { } r)
        {
            return null;
        }

        var log = (await connection.QueryAsync<AttemptRow>(attempts, new { id })).ToLookup(a => a.DeliveryId);
        var views = (await connection.QueryAsync<DeliveryRow>(deliveries, new { id }))
            .Select(d => ToView(d) with { AttemptLog = [.. log[d.Id].Select(a => new AttemptView(a.Attempt, Time(a.AttemptedAt), a.Outcome, a.Error))] })
            .ToList();
        var stored = NotificationStore.ToStored(r.Id, r.CreatedAt, r.Payload);
        var n = stored.Notification;
        return new NotificationView(
            stored.Id, n.Kind, n.Key, n.Reason, n.Subject, n.Labels, n.StartsAt, n.EndsAt,
            [.. n.Attachments.Select(a => a.FileName)], stored.CreatedAt, views);
    }

    private static DeliveryView ToView(DeliveryRow r) => new(
        r.Id, r.NotificationId, r.Channel, r.Kind, r.Key, r.Reason, r.Subject, r.Status, r.Attempts, r.LastError,
        r.Status == "pending" ? Time(r.NextAttemptAt) : null,
        r.SentAt is { } sent ? Time(sent) : null,
        Time(r.CreatedAt),
        Time(r.UpdatedAt));

    private static DateTimeOffset Time(long unixMs) => DateTimeOffset.FromUnixTimeMilliseconds(unixMs);

    private sealed record DeliveryRow(
        long Id, string NotificationId, string Channel, string Kind, string Key, string Reason, string Subject, string Status,
        long Attempts, string? LastError, long NextAttemptAt, long? SentAt, long CreatedAt, long UpdatedAt);

    private sealed record AttemptRow(long DeliveryId, long Attempt, long AttemptedAt, string Outcome, string? Error);
}
