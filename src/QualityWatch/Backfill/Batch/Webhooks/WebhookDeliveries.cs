using Dapper;
using QualityWatch.Storage;

namespace QualityWatch.Backfill.Batch.Webhooks;

/// <summary>
/// The <c>webhook_deliveries</c> table: webhook-ids already accepted. Rows older than twice the
/// tolerance are pruned: a delivery that old fails the timestamp check before its id is looked up.
/// </summary>
internal sealed class WebhookDeliveries(SqliteConnectionFactory connections)
{
    /// <summary>Records <paramref name="webhookId"/>; false when it was recorded before (a replay or a retried delivery).</summary>
    public async Task<bool> TryRecordAsync(string webhookId, DateTimeOffset now, TimeSpan tolerance, CancellationToken cancellationToken)
    {
        const string prune = "DELETE FROM webhook_deliveries WHERE received_at < @before;";
        const string insert = "INSERT INTO webhook_deliveries (webhook_id, received_at) VALUES (@webhookId, @now) ON CONFLICT (webhook_id) DO NOTHING;";
        await using var connection = await connections.OpenWriteAsync(cancellationToken);
        await connection.ExecuteAsync(prune, new { before = (now - (2 * tolerance)).ToUnixTimeMilliseconds() });
        return await connection.ExecuteAsync(insert, new { webhookId, now = now.ToUnixTimeMilliseconds() }) == 1;
    }
}
