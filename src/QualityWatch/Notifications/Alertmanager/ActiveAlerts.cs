using Dapper;
using QualityWatch.Storage;

namespace QualityWatch.Notifications.Alertmanager;

/// <summary>Alerts firing in Alertmanager (table <c>alertmanager_active</c>): durable, so a restart keeps re-sending.</summary>
internal sealed class ActiveAlerts(SqliteConnectionFactory connections)
{
    /// <summary>Marks the key firing, unless a resolve for it was enqueued after this notification.</summary>
    public async Task FiringAsync(StoredNotification stored, DateTimeOffset nextResend, CancellationToken cancellationToken)
    {
        const string sql =
            """
            INSERT INTO alertmanager_active (key, notification_id, next_resend_at)
            SELECT @key, @id, @next
            WHERE NOT EXISTS (SELECT 1 FROM notifications WHERE key = @key AND kind = 'resolved' AND created_at >= @createdAt AND id <> @id)
            ON CONFLICT (key) DO UPDATE SET notification_id = excluded.notification_id, next_resend_at = excluded.next_resend_at;
            """;
        await using var connection = await connections.OpenWriteAsync(cancellationToken);
        await connection.ExecuteAsync(sql, new
        {
            key = stored.Notification.Key,
            id = stored.Id,
            next = nextResend.ToUnixTimeMilliseconds(),
            createdAt = stored.CreatedAt.ToUnixTimeMilliseconds(),
        });
    }

    /// <summary>The id of the latest resolve for the alert enqueued after this notification, if any.</summary>
    public async Task<string?> LaterResolveAsync(StoredNotification stored, CancellationToken cancellationToken)
    {
        const string sql =
            """
            SELECT id FROM notifications
            WHERE key = @key AND kind = 'resolved' AND created_at >= @createdAt AND id <> @id
            ORDER BY created_at DESC LIMIT 1;
            """;
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<string?>(sql, new
        {
            key = stored.Notification.Key,
            id = stored.Id,
            createdAt = stored.CreatedAt.ToUnixTimeMilliseconds(),
        });
    }

    public async Task ResolvedAsync(string key, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenWriteAsync(cancellationToken);
        await connection.ExecuteAsync("DELETE FROM alertmanager_active WHERE key = @key;", new { key });
    }

    /// <summary>Firing alerts whose re-send is due: (key, notification id).</summary>
    public async Task<IReadOnlyList<(string Key, string NotificationId)>> DueAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        const string sql = "SELECT key, notification_id FROM alertmanager_active WHERE next_resend_at <= @now ORDER BY next_resend_at LIMIT 1000;";
        await using var connection = await connections.OpenAsync(cancellationToken);
        return [.. await connection.QueryAsync<(string, string)>(sql, new { now = now.ToUnixTimeMilliseconds() })];
    }

    public async Task RescheduleAsync(string key, string notificationId, DateTimeOffset next, CancellationToken cancellationToken)
    {
        const string sql = "UPDATE alertmanager_active SET next_resend_at = @next WHERE key = @key AND notification_id = @notificationId;";
        await using var connection = await connections.OpenWriteAsync(cancellationToken);
        await connection.ExecuteAsync(sql, new { key, notificationId, next = next.ToUnixTimeMilliseconds() });
    }
}
