using Dapper;
using Microsoft.Data.Sqlite;

namespace QualityWatch.Bench.NotifyOutages;

/// <summary>The outbox as the service recorded it, per channel, read from its database file read-only.</summary>
internal sealed record OutboxState(string Channel, int Sent, int Failed, int Pending, int Attempts)
{
    public static async Task<IReadOnlyDictionary<string, OutboxState>> ReadAsync(string database)
    {
        const string sql =
            """
            SELECT d.channel AS Channel,
                   SUM(d.status = 'sent') AS Sent, SUM(d.status = 'failed') AS Failed, SUM(d.status = 'pending') AS Pending,
                   (SELECT COUNT(*) FROM notification_attempts a JOIN notification_deliveries x ON x.id = a.delivery_id
                    WHERE x.channel = d.channel) AS Attempts
            FROM notification_deliveries d
            GROUP BY d.channel;
            """;
        await using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False;Default Timeout=30");
        var rows = await connection.QueryAsync<(string Channel, long Sent, long Failed, long Pending, long Attempts)>(sql);
        return rows.ToDictionary(r => r.Channel, r => new OutboxState(r.Channel, (int)r.Sent, (int)r.Failed, (int)r.Pending, (int)r.Attempts));
    }
}
