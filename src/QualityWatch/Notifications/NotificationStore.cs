using System.Text.Json;
using Dapper;
using QualityWatch.Storage;

namespace QualityWatch.Notifications;

/// <summary>The outbox tables: notifications, their deliveries per channel, and every attempt.</summary>
internal sealed class NotificationStore(SqliteConnectionFactory connections)
{
    /// <summary>Stores the notification and one pending delivery per channel in one transaction.</summary>
    public async Task InsertAsync(StoredNotification stored, IReadOnlyList<string> channels, CancellationToken cancellationToken)
    {
        const string notification =
            """
            INSERT INTO notifications (id, kind, key, reason, subject, payload, created_at)
            VALUES (@Id, @Kind, @Key, @Reason, @Subject, @Payload, @CreatedAt);
            """;
        const string delivery =
            """
            INSERT INTO notification_deliveries (notification_id, channel, reason, status, attempts, next_attempt_at, created_at, updated_at)
            VALUES (@Id, @Channel, @Reason, 'pending', 0, @CreatedAt, @CreatedAt, @CreatedAt);
            """;

        // A resolve ends the alert's re-sending at once, even before its delivery goes out.
        const string resolved = "DELETE FROM alertmanager_active WHERE key = @Key;";
        var n = stored.Notification;
        var createdAt = stored.CreatedAt.ToUnixTimeMilliseconds();
        await using var connection = await connections.OpenWriteAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(notification, new
        {
            stored.Id,
            n.Kind,
            n.Key,
            n.Reason,
            n.Subject,
            Payload = JsonSerializer.Serialize(n, NotificationsJsonContext.Default.Notification),
            CreatedAt = createdAt,
        }, transaction);
        foreach (var channel in channels)
        {
            await connection.ExecuteAsync(delivery, new { stored.Id, Channel = channel, n.Reason, CreatedAt = createdAt }, transaction);
        }

        if (n.Kind == NotificationKinds.Resolved)
        {
            await connection.ExecuteAsync(resolved, new { n.Key }, transaction);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Pending deliveries of one channel due at <paramref name="now"/>, oldest first.</summary>
    public async Task<IReadOnlyList<PendingDelivery>> DueAsync(string channel, DateTimeOffset now, int limit, CancellationToken cancellationToken)
    {
        const string sql =
            """
            SELECT d.id AS Id, d.channel AS Channel, d.attempts AS Attempts, d.created_at AS CreatedAt,
                   n.id AS NotificationId, n.payload AS Payload, n.created_at AS NotificationCreatedAt
            FROM notification_deliveries d JOIN notifications n ON n.id = d.notification_id
            WHERE d.status = 'pending' AND d.channel = @channel AND d.next_attempt_at <= @now
            ORDER BY d.id LIMIT @limit;
            """;
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<DueRow>(sql, new { channel, now = now.ToUnixTimeMilliseconds(), limit });
        return [.. rows.Select(r => new PendingDelivery(r.Id, r.Channel, r.Attempts, r.CreatedAt, ToStored(r.NotificationId, r.NotificationCreatedAt, r.Payload)))];
    }

    /// <summary>Marks pending deliveries of channels no longer configured failed; returns the count per channel.</summary>
    public async Task<IReadOnlyList<(string Channel, long Count)>> FailOrphansAsync(IReadOnlyCollection<string> configured, DateTimeOffset now, CancellationToken cancellationToken)
    {
        const string orphans = "SELECT channel, COUNT(*) FROM notification_deliveries WHERE status = 'pending' GROUP BY channel;";
        const string fail =
            """
            UPDATE notification_deliveries
            SET status = 'failed', last_error = 'channel ' || channel || ' is not configured', updated_at = @now
            WHERE status = 'pending' AND channel = @channel;
            """;
        await using var connection = await connections.OpenWriteAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var failed = (await connection.QueryAsync<(string Channel, long Count)>(orphans, transaction: transaction))
            .Where(o => !configured.Contains(o.Channel))
            .ToList();
        foreach (var (channel, _) in failed)
        {
            await connection.ExecuteAsync(fail, new { channel, now = now.ToUnixTimeMilliseconds() }, transaction);
        }

        await transaction.CommitAsync(cancellationToken);
        return failed;
    }

    /// <summary>Loads one notification by id (the Alertmanager re-sender's source).</summary>
    public async Task<StoredNotification?> GetAsync(string id, CancellationToken cancellationToken)
    {
        const string sql = "SELECT id AS Id, payload AS Payload, created_at AS CreatedAt FROM notifications WHERE id = @id;";
        await using var connection = await connections.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<(string Id, string Payload, long CreatedAt)?>(sql, new { id });
        return row is { } r ? ToStored(r.Id, r.CreatedAt, r.Payload) : null;
    }

    /// <summary>Records an attempt and its outcome: sent, pending again at <paramref name="next"/>, or failed.</summary>
    public async Task RecordAttemptAsync(long deliveryId, string outcome, string? error, DateTimeOffset now, DateTimeOffset? next, CancellationToken cancellationToken)
    {
        const string update =
            """
            UPDATE notification_deliveries
            SET attempts = attempts + 1,
                status = CASE @outcome WHEN 'sent' THEN 'sent' WHEN 'failed' THEN 'failed' ELSE 'pending' END,
                sent_at = CASE WHEN @outcome = 'sent' THEN @now ELSE sent_at END,
                last_error = @error, next_attempt_at = COALESCE(@next, next_attempt_at), updated_at = @now
            WHERE id = @deliveryId AND status = 'pending'
            RETURNING attempts;
            """;
        const string attempt =
            """
            INSERT INTO notification_attempts (delivery_id, attempt, attempted_at, outcome, error)
            VALUES (@deliveryId, @attempt, @now, @outcome, @error);
            """;
        var nowMs = now.ToUnixTimeMilliseconds();
        await using var connection = await connections.OpenWriteAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var attempts = await connection.ExecuteScalarAsync<long?>(update, new { deliveryId, outcome, error, now = nowMs, next = next?.ToUnixTimeMilliseconds() }, transaction);
        if (attempts is { } n)
        {
            await connection.ExecuteAsync(attempt, new { deliveryId, attempt = n, now = nowMs, outcome, error }, transaction);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    internal static StoredNotification ToStored(string id, long createdAt, string payload) =>
        new(id, DateTimeOffset.FromUnixTimeMilliseconds(createdAt), JsonSerializer.Deserialize(payload, NotificationsJsonContext.Default.Notification)!);

    private sealed record DueRow(long Id, string Channel, long Attempts, long CreatedAt, string NotificationId, string Payload, long NotificationCreatedAt);
}
