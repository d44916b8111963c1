using System.Data.Common;
using Dapper;
using Microsoft.Data.Sqlite;
using QualityWatch.Judging;
using QualityWatch.Judging.Queue;
using QualityWatch.Storage;

namespace QualityWatch.Backfill;

/// <summary>
/// The backfill side of judging: <c>backfill_work</c> rows (sample × rubric version). Like the
/// live queue, a lease has an owner and an expiry and every write checks the owner, so a pair
/// gets one verdict however often a run is interrupted and resumed.
/// </summary>
internal sealed class BackfillWork(SqliteConnectionFactory connections, CurrentRubric current) : IJudgeQueue
{
    /// <summary>
    /// Queues a stored sample for a rubric unless it already has that verdict, or the live worker
    /// has it in hand (a live sample still pending gets its verdict there, with the <paramref name="current"/> rubric).
    /// </summary>
    public static bool Enqueue(SqliteConnection connection, SqliteTransaction transaction, string interactionId, string rubric, string current, long nowMs)
    {
        const string sql =
            $"""
            INSERT INTO backfill_work (interaction_id, rubric_version, status, updated_at)
            SELECT s.interaction_id, @rubric, '{SampleStatuses.Pending}', @nowMs FROM samples s
            WHERE s.interaction_id = @interactionId
              AND NOT (s.origin = 'live' AND s.status IN ('{SampleStatuses.Pending}', '{SampleStatuses.Leased}') AND @rubric = @current)
              AND NOT EXISTS (SELECT 1 FROM verdicts v WHERE v.interaction_id = s.interaction_id AND v.rubric_version = @rubric)
            ON CONFLICT (interaction_id, rubric_version) DO NOTHING;
            """;
        return connection.Execute(sql, new { interactionId, rubric, nowMs, current }, transaction) == 1;
    }

    /// <summary>Queues every judged sample in the range for a new rubric (<c>--rejudge</c>).</summary>
    public static Task<int> EnqueueRejudgeAsync(DbConnection connection, DbTransaction transaction, string rubric, string? stream, DateTimeOffset? from, DateTimeOffset? to, DateTimeOffset now)
    {
        const string sql =
            $"""
            INSERT INTO backfill_work (interaction_id, rubric_version, status, updated_at)
            SELECT s.interaction_id, @rubric, '{SampleStatuses.Pending}', @now FROM samples s
            WHERE s.status = '{SampleStatuses.Done}'
              AND (@stream IS NULL OR s.stream = @stream)
              AND (@from IS NULL OR s.occurred_at >= @from)
              AND (@to IS NULL OR s.occurred_at < @to)
              AND NOT EXISTS (SELECT 1 FROM verdicts v WHERE v.interaction_id = s.interaction_id AND v.rubric_version = @rubric)
            ON CONFLICT (interaction_id, rubric_version) DO NOTHING;
            """;
        return connection.ExecuteAsync(sql, new
        {
            rubric,
            stream,
            from = from?.ToUnixTimeMilliseconds(),
            to = to?.ToUnixTimeMilliseconds(),
            now = now.ToUnixTimeMilliseconds(),
        }, transaction);
    }

    /// <summary>A new run gives pairs that failed for good another full set of attempts.</summary>
    public static Task<int> RetryFailedAsync(DbConnection connection, DbTransaction transaction, string rubric, DateTimeOffset now)
    {
        const string sql =
            $"""
            UPDATE backfill_work SET status = '{SampleStatuses.Pending}', attempts = 0, next_attempt_at = NULL, updated_at = @now
            WHERE rubric_version = @rubric AND status = '{SampleStatuses.Failed}';
            """;
        return connection.ExecuteAsync(sql, new { rubric, now = now.ToUnixTimeMilliseconds() }, transaction);
    }

    /// <summary>
    /// A new run is the operator's word that what paused the judge (a spent quota, a refused key) is
    /// dealt with: pairs a pause held back are due at once instead of when the pause would have ended.
    /// </summary>
    public static Task<int> ResumePausedAsync(DbConnection connection, DbTransaction transaction, string rubric, DateTimeOffset now)
    {
        const string sql =
            $"""
            UPDATE backfill_work SET next_attempt_at = NULL, updated_at = @now
            WHERE rubric_version = @rubric AND status = '{SampleStatuses.Pending}' AND failure_kind IN @kinds AND next_attempt_at > @now;
            """;
        var kinds = JudgeFailurePolicy.PausingKinds.Select(JudgeFailureKinds.ToText).ToArray();
        return connection.ExecuteAsync(sql, new { rubric, kinds, now = now.ToUnixTimeMilliseconds() }, transaction);
    }

    public async Task<BackfillCounts> CountsAsync(string rubric, CancellationToken cancellationToken)
    {
        const string sql =
            $"""
            SELECT COALESCE(SUM(status = '{SampleStatuses.Pending}'), 0) AS Pending, COALESCE(SUM(status = '{SampleStatuses.Leased}'), 0) AS Leased,
                   COALESCE(SUM(status = '{SampleStatuses.Batched}'), 0) AS Batched, COALESCE(SUM(status = '{SampleStatuses.Done}'), 0) AS Done,
                   COALESCE(SUM(status = '{SampleStatuses.Failed}'), 0) AS Failed, CAST(COALESCE(SUM(cost_usd), 0) AS REAL) AS SpentUsd
            FROM backfill_work WHERE rubric_version = @rubric;
            """;
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.QuerySingleAsync<BackfillCounts>(sql, new { rubric });
    }

    /// <summary>Leases due pairs (or pairs whose lease expired) with the sample text the judge needs.</summary>
    public async Task<IReadOnlyList<SampleForJudging>> LeaseAsync(string rubric, string owner, int limit, DateTimeOffset now, TimeSpan duration, CancellationToken cancellationToken)
    {
        const string sql =
            $"""
            UPDATE backfill_work
            SET status = '{SampleStatuses.Leased}', lease_owner = @owner, lease_expires_at = @expires, attempts = attempts + 1, updated_at = @now
            WHERE rubric_version = @rubric AND interaction_id IN (
                SELECT interaction_id FROM backfill_work
                WHERE rubric_version = @rubric
                  AND ((status = '{SampleStatuses.Pending}' AND (next_attempt_at IS NULL OR next_attempt_at <= @now))
                    OR (status = '{SampleStatuses.Leased}' AND lease_expires_at < @now))
                LIMIT @limit)
            RETURNING interaction_id, attempts;
            """;
        var nowMs = now.ToUnixTimeMilliseconds();
        await using var connection = await connections.OpenWriteAsync(cancellationToken);
        var leased = (await connection.QueryAsync<(string Id, long Attempts)>(sql, new { rubric, owner, limit, now = nowMs, expires = nowMs + (long)duration.TotalMilliseconds })).ToList();
        return await SampleTexts.ReadAsync(connection, leased, cancellationToken);
    }

    /// <summary>Stores the verdict and closes the pair in one transaction; false when the lease was lost.</summary>
    public async Task<bool> CompleteAsync(string owner, VerdictRecord verdict, CancellationToken cancellationToken)
    {
        const string done =
            $"""
            UPDATE backfill_work SET status = '{SampleStatuses.Done}', lease_owner = NULL, lease_expires_at = NULL, last_error = NULL, failure_kind = NULL,
                                     cost_usd = cost_usd + @CostUsd, updated_at = @JudgedAt
            WHERE interaction_id = @InteractionId AND rubric_version = @RubricVersion AND status = '{SampleStatuses.Leased}' AND lease_owner = @owner;
            """;
        await using var connection = await connections.OpenWriteAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var parameters = new DynamicParameters(verdict);
        parameters.Add("owner", owner);
        if (await connection.ExecuteAsync(done, parameters, transaction) != 1)
        {
            return false;
        }

        await SampleQueue.CloseBackfilledAsync(connection, transaction, verdict);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>Gives a pair back as <paramref name="failure"/>'s decision says: pending again at its next time, or failed for good; its spend is kept.</summary>
    public async Task<bool> ReturnAsync(string owner, string interactionId, string rubricVersion, JudgeFailure failure, DateTimeOffset now, CancellationToken cancellationToken)
    {
        const string sql =
            $"""
            UPDATE backfill_work
            SET status = @status, lease_owner = NULL, lease_expires_at = NULL,
                next_attempt_at = @next, last_error = @reason, failure_kind = @kind, attempts = attempts - @refund, cost_usd = cost_usd + @costUsd, updated_at = @now
            WHERE interaction_id = @interactionId AND rubric_version = @rubric AND status = '{SampleStatuses.Leased}' AND lease_owner = @owner;
            """;
        await using var connection = await connections.OpenWriteAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var decision = failure.Decision;
        var parameters = new
        {
            owner, interactionId, rubric = rubricVersion, reason = failure.Reason, kind = JudgeFailureKinds.ToText(failure.Kind),
            status = (decision.Failed ? SampleStatus.Failed : SampleStatus.Pending).ToText(),
            refund = decision.Refunds ? 1 : 0, costUsd = (double)failure.CostUsd, next = decision.Next.ToUnixTimeMilliseconds(), now = now.ToUnixTimeMilliseconds(),
        };
        var returned = await connection.ExecuteAsync(sql, parameters, transaction) == 1;
        if (returned && decision.Failed && rubricVersion == current.Version)
        {
            await SampleQueue.FailBackfilledAsync(connection, transaction, interactionId, failure.Kind, failure.Reason, now);
        }

        await transaction.CommitAsync(cancellationToken);
        return returned;
    }

    /// <summary>On interrupt: every pair this run holds goes back to pending, its attempt refunded.</summary>
    public async Task<int> ReleaseAllAsync(string owner, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenWriteAsync(cancellationToken);
        return await SampleQueue.ReleaseAsync(connection, null, owner, now);
    }
}
