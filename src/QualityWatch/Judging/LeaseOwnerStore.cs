using Dapper;
using QualityWatch.Judging.Queue;
using QualityWatch.Storage;

namespace QualityWatch.Judging;

/// <summary>
/// The <c>lease_owners</c> table: which processes may hold leases, and when each last said it was
/// alive. Reclaiming a dead owner covers both queues that lease (live samples and backfill work).
/// </summary>
internal sealed class LeaseOwnerStore(SqliteConnectionFactory connections)
{
    /// <summary>Adds the owner, or refreshes its heartbeat when already there.</summary>
    public async Task BeatAsync(string owner, string instance, DateTimeOffset now, CancellationToken cancellationToken)
    {
        const string sql =
            """
            INSERT INTO lease_owners (owner, instance, started_at, heartbeat_at) VALUES (@owner, @instance, @now, @now)
            ON CONFLICT (owner) DO UPDATE SET heartbeat_at = excluded.heartbeat_at;
            """;
        await using var connection = await connections.OpenWriteAsync(cancellationToken);
        await connection.ExecuteAsync(sql, new { owner, instance, now = now.ToUnixTimeMilliseconds() });
    }

    /// <summary>Every other registered owner, with the instance naming its lock file and its last heartbeat.</summary>
    public async Task<IReadOnlyList<LeaseOwnerRow>> OthersAsync(string owner, CancellationToken cancellationToken)
    {
        const string sql = "SELECT owner AS Owner, instance AS Instance, heartbeat_at AS HeartbeatAt FROM lease_owners WHERE owner <> @owner;";
        await using var connection = await connections.OpenAsync(cancellationToken);
        return [.. await connection.QueryAsync<LeaseOwnerRow>(sql, new { owner })];
    }

    /// <summary>
    /// Gives back every lease a dead owner held, its attempt refunded (the call it was making was
    /// never answered to us), and forgets the owner. Only while its heartbeat is still the one
    /// judged stale: an owner that beat meanwhile is alive after all and keeps its leases.
    /// </summary>
    public async Task<int> ReclaimAsync(string owner, long heartbeatAt, DateTimeOffset now, CancellationToken cancellationToken)
    {
        const string forget = "DELETE FROM lease_owners WHERE owner = @owner AND heartbeat_at = @heartbeatAt;";
        var parameters = new { owner, heartbeatAt, now = now.ToUnixTimeMilliseconds() };
        await using var connection = await connections.OpenWriteAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (await connection.ExecuteAsync(forget, parameters, transaction) != 1)
        {
            return 0;
        }

        var reclaimed = await SampleQueue.ReleaseAsync(connection, transaction, owner, now);
        await transaction.CommitAsync(cancellationToken);
        return reclaimed;
    }

    /// <summary>On a clean stop, after the owner gave its leases back.</summary>
    public async Task ForgetAsync(string owner, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenWriteAsync(cancellationToken);
        await connection.ExecuteAsync("DELETE FROM lease_owners WHERE owner = @owner;", new { owner });
    }
}
