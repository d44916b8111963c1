using Dapper;
using QualityWatch.Storage;

namespace QualityWatch.Judging;

/// <summary>
/// The judge side of the sample queue. A lease has an expiry, so a worker that dies mid-call
/// leaves its samples to be leased again; every write checks the lease owner, so a sample
/// never ends with two verdicts.
/// </summary>
public sealed class SampleLeases(SqliteConnectionFactory connections)
{
    /// <summary>
    /// Leases up to <paramref name="slots"/> due samples per lane, oldest first in each: routine samples
    /// (judged in <paramref name="serviceTier"/>) and samples the sampler routed to another tier (a boost).
    /// </summary>
    public async Task<IReadOnlyList<SampleForJudging>> LeaseAsync(string owner, JudgeLaneSlots slots, string serviceTier, DateTimeOffset now, TimeSpan duration, CancellationToken cancellationToken)
    {
        const string sql =
            """
            UPDATE samples
            SET status = 'leased', lease_owner = @owner, lease_expires_at = @expires, attempts = attempts + 1,
                first_attempt_at = COALESCE(first_attempt_at, @now), updated_at = @now
            WHERE interaction_id IN (
                SELECT interaction_id FROM (
                    SELECT interaction_id FROM samples
                    WHERE origin = 'live'
                      AND ((status = 'pending' AND (next_attempt_at IS NULL OR next_attempt_at <= @now))
                        OR (status = 'leased' AND lease_expires_at < @now))
                      AND (judge_tier IS NULL OR judge_tier = @serviceTier)
                    ORDER BY received_at
                    LIMIT @routine)
                UNION ALL
                SELECT interaction_id FROM (
                    SELECT interaction_id FROM samples
                    WHERE origin = 'live'
                      AND ((status = 'pending' AND (next_attempt_at IS NULL OR next_attempt_at <= @now))
                        OR (status = 'leased' AND lease_expires_at < @now))
                      AND judge_tier IS NOT NULL AND judge_tier <> @serviceTier
                    ORDER BY received_at
                    LIMIT @routed))
            RETURNING interaction_id AS InteractionId, stream AS Stream, prompt AS Prompt, response AS Response, context AS Context,
                      attempts AS Attempts, first_attempt_at AS FirstAttemptAt, last_error AS LastError, prompt_version AS PromptVersion,
                      judge_tier AS JudgeTier;
            """;
        var nowMs = now.ToUnixTimeMilliseconds();
        await using var connection = await connections.OpenWriteAsync(cancellationToken);
        var rows = await connection.QueryAsync<SampleRow>(sql, new { owner, routine = slots.Routine, routed = slots.Routed, serviceTier, now = nowMs, expires = nowMs + (long)duration.TotalMilliseconds });
        return [.. rows.Select(r => new SampleForJudging(r.InteractionId, r.Stream, r.Prompt, r.Response, r.Context, (int)r.Attempts, r.FirstAttemptAt, r.LastError, r.PromptVersion, r.JudgeTier))];
    }

    /// <summary>Stores the verdict and marks the sample done in one transaction; false when the lease was lost.</summary>
    public async Task<bool> CompleteAsync(string owner, VerdictRecord verdict, CancellationToken cancellationToken)
    {
        const string done =
            """
            UPDATE samples SET status = 'done', lease_owner = NULL, lease_expires_at = NULL, next_attempt_at = NULL,
                               last_error = NULL, updated_at = @JudgedAt
            WHERE interaction_id = @InteractionId AND status = 'leased' AND lease_owner = @owner;
            """;
        await using var connection = await connections.OpenWriteAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var parameters = new DynamicParameters(verdict);
        parameters.Add("owner", owner);
        if (await connection.ExecuteAsync(done, parameters, transaction) != 1)
        {
            return false;
        }

        await VerdictStore.InsertAsync(connection, transaction, verdict);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>
    /// Gives the sample back: pending again at <paramref name="next"/>, or failed for good. A
    /// refund takes back the attempt the lease counted (the call never really happened).
    /// </summary>
    public async Task<bool> ReturnAsync(string owner, string interactionId, string reason, DateTimeOffset next, bool failed, bool refund, DateTimeOffset now, CancellationToken cancellationToken)
    {
        const string sql =
            """
            UPDATE samples
            SET status = CASE WHEN @failed THEN 'failed' ELSE 'pending' END, lease_owner = NULL, lease_expires_at = NULL,
                next_attempt_at = @next, last_error = @reason, attempts = attempts - @refund, updated_at = @now
            WHERE interaction_id = @interactionId AND status = 'leased' AND lease_owner = @owner;
            """;
        await using var connection = await connections.OpenWriteAsync(cancellationToken);
        return await connection.ExecuteAsync(sql, new
        {
            owner,
            interactionId,
            reason,
            failed,
            refund = refund ? 1 : 0,
            next = next.ToUnixTimeMilliseconds(),
            now = now.ToUnixTimeMilliseconds(),
        }) == 1;
    }

    /// <summary>On shutdown: every sample this worker holds goes back to pending, its attempt refunded.</summary>
    public async Task<int> ReleaseAllAsync(string owner, DateTimeOffset now, CancellationToken cancellationToken)
    {
        const string sql =
            """
            UPDATE samples SET status = 'pending', lease_owner = NULL, lease_expires_at = NULL, attempts = MAX(0, attempts - 1), updated_at = @now
            WHERE status = 'leased' AND lease_owner = @owner;
            """;
        await using var connection = await connections.OpenWriteAsync(cancellationToken);
        return await connection.ExecuteAsync(sql, new { owner, now = now.ToUnixTimeMilliseconds() });
    }

    private sealed record SampleRow(
        string InteractionId, string Stream, string Prompt, string Response, string? Context, long Attempts, long? FirstAttemptAt, string? LastError, string? PromptVersion,
        string? JudgeTier);
}
