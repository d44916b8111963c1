using System.Data.Common;
using Dapper;
using Microsoft.Data.Sqlite;
using QualityWatch.Storage;

namespace QualityWatch.Judging.Queue;

/// <summary>
/// The sample queue (<c>samples</c>): insert, lease, complete, return and release. A lease has an
/// expiry, so a worker that dies mid-call leaves its samples to be leased again; every write checks
/// the lease owner, so a sample never ends with two verdicts. Backfill's pairs (<c>backfill_work</c>)
/// close their backfilled samples through <see cref="CloseBackfilledAsync"/> and <see cref="FailBackfilledAsync"/>.
/// </summary>
internal sealed class SampleQueue(SqliteConnectionFactory connections) : IJudgeQueue
{
    // Due: pending and its next attempt has come, or leased by an owner whose lease ran out.
    private const string Due =
        $"""
        ((status = '{SampleStatuses.Pending}' AND (next_attempt_at IS NULL OR next_attempt_at <= @now))
          OR (status = '{SampleStatuses.Leased}' AND lease_expires_at < @now))
        """;

    /// <summary>The insert of a new pending sample; <see cref="SampleInserter"/> binds the same names on a prepared command.</summary>
    internal const string InsertSql =
        $"""
        INSERT OR IGNORE INTO samples
            (interaction_id, stream, occurred_at, received_at, prompt, response, context, model, prompt_version,
             conversation_id, labels, usage, redactions, sample_reason, judge_tier, origin, status, attempts, updated_at)
        VALUES
            (@InteractionId, @Stream, @OccurredAt, @ReceivedAt, @Prompt, @Response, @Context, @Model, @PromptVersion,
             @ConversationId, @Labels, @Usage, @Redactions, @SampleReason, @JudgeTier, @Origin, '{SampleStatuses.Pending}', 0, @ReceivedAt);
        """;

    /// <summary>Queues a sample as pending, in the caller's transaction; false when a sample with that interaction id already exists.</summary>
    public static bool Insert(SqliteConnection connection, SqliteTransaction transaction, NewSample sample) =>
        connection.Execute(InsertSql, sample, transaction) == 1;

    /// <summary>
    /// Leases up to <paramref name="slots"/> due live samples per lane, oldest first in each: routine samples
    /// (judged in <paramref name="serviceTier"/>) and samples the sampler routed to another tier (a boost).
    /// </summary>
    public async Task<IReadOnlyList<SampleForJudging>> LeaseAsync(string owner, JudgeLaneSlots slots, string serviceTier, DateTimeOffset now, TimeSpan duration, CancellationToken cancellationToken)
    {
        const string sql =
            $"""
            UPDATE samples
            SET status = '{SampleStatuses.Leased}', lease_owner = @owner, lease_expires_at = @expires, attempts = attempts + 1,
                first_attempt_at = COALESCE(first_attempt_at, @now), updated_at = @now
            WHERE interaction_id IN (
                SELECT interaction_id FROM (
                    SELECT interaction_id FROM samples
                    WHERE origin = 'live' AND {Due}
                      AND (judge_tier IS NULL OR judge_tier = @serviceTier)
                    ORDER BY received_at
                    LIMIT @routine)
                UNION ALL
                SELECT interaction_id FROM (
                    SELECT interaction_id FROM samples
                    WHERE origin = 'live' AND {Due}
                      AND judge_tier IS NOT NULL AND judge_tier <> @serviceTier
                    ORDER BY received_at
                    LIMIT @routed))
            RETURNING interaction_id AS InteractionId, stream AS Stream, prompt AS Prompt, response AS Response, context AS Context,
                      attempts AS Attempts, first_attempt_at AS FirstAttemptAt, failure_kind AS FailureKind, prompt_version AS PromptVersion,
                      judge_tier AS JudgeTier;
            """;
        var nowMs = now.ToUnixTimeMilliseconds();
        await using var connection = await connections.OpenWriteAsync(cancellationToken);
        var rows = await connection.QueryAsync<SampleRow>(sql, new { owner, routine = slots.Routine, routed = slots.Routed, serviceTier, now = nowMs, expires = nowMs + (long)duration.TotalMilliseconds });
        return [.. rows.Select(r => new SampleForJudging(r.InteractionId, r.Stream, r.Prompt, r.Response, r.Context, (int)r.Attempts, r.FirstAttemptAt, JudgeFailureKinds.Parse(r.FailureKind), r.PromptVersion, r.JudgeTier))];
    }

    /// <summary>Stores the verdict and marks the sample done in one transaction; false when the lease was lost.</summary>
    public async Task<bool> CompleteAsync(string owner, VerdictRecord verdict, CancellationToken cancellationToken)
    {
        const string done =
            $"""
            UPDATE samples SET status = '{SampleStatuses.Done}', lease_owner = NULL, lease_expires_at = NULL, next_attempt_at = NULL,
                               last_error = NULL, failure_kind = NULL, updated_at = @JudgedAt
            WHERE interaction_id = @InteractionId AND status = '{SampleStatuses.Leased}' AND lease_owner = @owner;
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
    /// Gives the sample back as <paramref name="failure"/>'s decision says: pending again at its next
    /// time, or failed for good. A refund takes back the attempt the lease counted (the call never really happened).
    /// </summary>
    public async Task<bool> ReturnAsync(string owner, string interactionId, string rubricVersion, JudgeFailure failure, DateTimeOffset now, CancellationToken cancellationToken)
    {
        const string sql =
            $"""
            UPDATE samples
            SET status = @status, lease_owner = NULL, lease_expires_at = NULL,
                next_attempt_at = @next, last_error = @reason, failure_kind = @kind, attempts = attempts - @refund, updated_at = @now
            WHERE interaction_id = @interactionId AND status = '{SampleStatuses.Leased}' AND lease_owner = @owner;
            """;
        await using var connection = await connections.OpenWriteAsync(cancellationToken);
        return await connection.ExecuteAsync(sql, new
        {
            owner,
            interactionId,
            reason = failure.Reason,
            kind = JudgeFailureKinds.ToText(failure.Kind),
            status = (failure.Decision.Failed ? SampleStatus.Failed : SampleStatus.Pending).ToText(),
            refund = failure.Decision.Refunds ? 1 : 0,
            next = failure.Decision.Next.ToUnixTimeMilliseconds(),
            now = now.ToUnixTimeMilliseconds(),
        }) == 1;
    }

    /// <summary>On shutdown: every sample this worker holds goes back to pending, its attempt refunded.</summary>
    public async Task<int> ReleaseAllAsync(string owner, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenWriteAsync(cancellationToken);
        return await ReleaseAsync(connection, null, owner, now);
    }

    /// <summary>
    /// Every lease <paramref name="owner"/> holds, in either queue (live samples, backfill pairs), goes back
    /// to pending with its attempt refunded: a clean stop, an interrupted backfill, or a dead owner's reclaim.
    /// </summary>
    public static async Task<int> ReleaseAsync(DbConnection connection, DbTransaction? transaction, string owner, DateTimeOffset now)
    {
        const string samples =
            $"""
            UPDATE samples SET status = '{SampleStatuses.Pending}', lease_owner = NULL, lease_expires_at = NULL, attempts = MAX(0, attempts - 1), updated_at = @now
            WHERE status = '{SampleStatuses.Leased}' AND lease_owner = @owner;
            """;
        const string backfill =
            $"""
            UPDATE backfill_work SET status = '{SampleStatuses.Pending}', lease_owner = NULL, lease_expires_at = NULL, attempts = MAX(0, attempts - 1), updated_at = @now
            WHERE status = '{SampleStatuses.Leased}' AND lease_owner = @owner;
            """;
        var parameters = new { owner, now = now.ToUnixTimeMilliseconds() };
        return await connection.ExecuteAsync(samples, parameters, transaction) + await connection.ExecuteAsync(backfill, parameters, transaction);
    }

    /// <summary>
    /// A backfill pair's verdict, in the pair's transaction: stored, and a backfilled sample leaves the
    /// pending state with its first verdict (a live one already has). False when the sample already had a verdict
    /// for this rubric, which is kept.
    /// </summary>
    public static async Task<bool> CloseBackfilledAsync(DbConnection connection, DbTransaction transaction, VerdictRecord verdict)
    {
        const string sample =
            $"""
            UPDATE samples SET status = '{SampleStatuses.Done}', updated_at = @JudgedAt
            WHERE interaction_id = @InteractionId AND origin = 'backfill' AND status <> '{SampleStatuses.Done}';
            """;
        await connection.ExecuteAsync(sample, verdict, transaction);
        return await VerdictStore.InsertAsync(connection, transaction, verdict) == 1;
    }

    /// <summary>A backfilled sample whose pair for the current rubric failed for good fails with it, in the pair's transaction.</summary>
    public static Task<int> FailBackfilledAsync(DbConnection connection, DbTransaction transaction, string interactionId, JudgeFailureKind? kind, string reason, DateTimeOffset now)
    {
        const string sql =
            $"""
            UPDATE samples SET status = '{SampleStatuses.Failed}', last_error = @reason, failure_kind = @kind, updated_at = @now
            WHERE interaction_id = @interactionId AND origin = 'backfill' AND status = '{SampleStatuses.Pending}';
            """;
        return connection.ExecuteAsync(sql, new { interactionId, reason, kind = kind is { } k ? JudgeFailureKinds.ToText(k) : null, now = now.ToUnixTimeMilliseconds() }, transaction);
    }

    private sealed record SampleRow(
        string InteractionId, string Stream, string Prompt, string Response, string? Context, long Attempts, long? FirstAttemptAt, string? FailureKind, string? PromptVersion,
        string? JudgeTier);
}
