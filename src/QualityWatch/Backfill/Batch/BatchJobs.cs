using Dapper;
using Microsoft.Data.Sqlite;
using QualityWatch.Judging;
using QualityWatch.Judging.Queue;
using QualityWatch.Storage;

namespace QualityWatch.Backfill.Batch;

/// <summary>
/// <c>batch_jobs</c> and the <c>backfill_work</c> rows each job holds. A job row and its items are
/// written in one transaction before the create call, so a crash leaves a 'creating' job that is
/// looked up by display name rather than submitted again.
/// </summary>
internal sealed class BatchJobs(SqliteConnectionFactory connections, JudgeFailurePolicy policy)
{
    private const string HeldSql = $"SELECT interaction_id, attempts FROM backfill_work WHERE batch_job_id = @jobId AND status = '{SampleStatuses.Batched}';";

    /// <summary>Reserves up to <paramref name="limit"/> pending pairs for a new job; null when none are pending.</summary>
    public async Task<BatchJobRow?> ReserveAsync(string rubric, string model, int limit, DateTimeOffset now, CancellationToken cancellationToken)
    {
        const string insert =
            """
            INSERT INTO batch_jobs (display_name, rubric_version, model, state, requests, created_at, next_poll_at)
            VALUES (@name, @rubric, @model, 'creating', 0, @now, @now) RETURNING id;
            """;
        const string reserve =
            $"""
            UPDATE backfill_work SET status = '{SampleStatuses.Batched}', batch_job_id = @id, attempts = attempts + 1, updated_at = @now
            WHERE rubric_version = @rubric AND interaction_id IN (
                SELECT interaction_id FROM backfill_work WHERE rubric_version = @rubric AND status = '{SampleStatuses.Pending}' LIMIT @limit);
            UPDATE batch_jobs SET requests = (SELECT COUNT(*) FROM backfill_work WHERE batch_job_id = @id AND status = '{SampleStatuses.Batched}') WHERE id = @id;
            """;
        var nowMs = now.ToUnixTimeMilliseconds();
        await using var connection = await connections.OpenWriteAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var name = $"qualitywatch-{rubric}-{Guid.NewGuid():N}";
        var id = await connection.ExecuteScalarAsync<long>(insert, new { name, rubric, model, now = nowMs }, transaction);
        await connection.ExecuteAsync(reserve, new { id, rubric, limit, now = nowMs }, transaction);
        var count = await connection.ExecuteScalarAsync<long>("SELECT requests FROM batch_jobs WHERE id = @id;", new { id }, transaction);
        if (count == 0)
        {
            await transaction.RollbackAsync(cancellationToken);
            return null;
        }

        await transaction.CommitAsync(cancellationToken);
        return new BatchJobRow(id, name, rubric, "creating", null, 0);
    }

    /// <summary>Jobs in <paramref name="state"/> due by <paramref name="dueBy"/>, of one rubric or (null) of all.</summary>
    public async Task<IReadOnlyList<BatchJobRow>> InStateAsync(string? rubric, string state, DateTimeOffset dueBy, CancellationToken cancellationToken)
    {
        const string sql =
            """
            SELECT id AS Id, display_name AS DisplayName, rubric_version AS Rubric, state AS State, remote_name AS RemoteName, polls AS Polls
            FROM batch_jobs WHERE (@rubric IS NULL OR rubric_version = @rubric) AND state = @state AND next_poll_at <= @due ORDER BY id;
            """;
        await using var connection = await connections.OpenAsync(cancellationToken);
        return [.. await connection.QueryAsync<BatchJobRow>(sql, new { rubric, state, due = dueBy.ToUnixTimeMilliseconds() })];
    }

    /// <summary>
    /// Takes the right to poll and collect a running job until <paramref name="until"/>. The service's
    /// collector and a backfill command may both look at the same job; only the holder acts on it.
    /// </summary>
    public async Task<bool> ClaimAsync(long jobId, string owner, DateTimeOffset now, DateTimeOffset until, CancellationToken cancellationToken)
    {
        const string sql =
            """
            UPDATE batch_jobs SET collector = @owner, collect_until = @until
            WHERE id = @jobId AND state = 'running' AND (collector IS NULL OR collector = @owner OR collect_until <= @now);
            """;
        await using var connection = await connections.OpenWriteAsync(cancellationToken);
        return await connection.ExecuteAsync(sql, new { jobId, owner, now = now.ToUnixTimeMilliseconds(), until = until.ToUnixTimeMilliseconds() }) == 1;
    }

    /// <summary>
    /// When <paramref name="owner"/> should next look: the earliest next poll of a running job, or for a
    /// job another poller holds, the end of its claim. Null when no job runs.
    /// </summary>
    public async Task<DateTimeOffset?> NextPollAsync(string owner, DateTimeOffset now, CancellationToken cancellationToken)
    {
        const string sql =
            """
            SELECT MIN(CASE WHEN collector IS NOT NULL AND collector <> @owner AND collect_until > @now
                            THEN MAX(next_poll_at, collect_until) ELSE next_poll_at END)
            FROM batch_jobs WHERE state = 'running';
            """;
        await using var connection = await connections.OpenAsync(cancellationToken);
        var next = await connection.ExecuteScalarAsync<long?>(sql, new { owner, now = now.ToUnixTimeMilliseconds() });
        return next is { } ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null;
    }

    /// <summary>The samples a job holds, for (re)building its requests.</summary>
    public async Task<IReadOnlyList<SampleForJudging>> SamplesAsync(long jobId, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var held = (await connection.QueryAsync<(string, long)>(HeldSql, new { jobId })).ToList();
        return await SampleTexts.ReadAsync(connection, held, cancellationToken);
    }

    public async Task SubmittedAsync(long jobId, string remoteName, string? inputFile, DateTimeOffset now, TimeSpan firstPoll, CancellationToken cancellationToken)
    {
        // A webhook can arrive before the create call returns; it left next_poll_at past created_at, and that earlier poll is kept.
        const string sql =
            """
            UPDATE batch_jobs SET state = 'running', remote_name = @remoteName, input_file = @inputFile, submitted_at = @now,
                next_poll_at = CASE WHEN next_poll_at > created_at THEN MIN(next_poll_at, @next) ELSE @next END
            WHERE id = @jobId;
            """;
        await using var connection = await connections.OpenWriteAsync(cancellationToken);
        await connection.ExecuteAsync(sql, new { jobId, remoteName, inputFile, now = now.ToUnixTimeMilliseconds(), next = (now + firstPoll).ToUnixTimeMilliseconds() });
    }

    /// <summary>Schedules the next poll and gives up the claim, so whoever is due next may poll.</summary>
    public async Task PollLaterAsync(long jobId, string owner, DateTimeOffset next, CancellationToken cancellationToken)
    {
        const string sql = "UPDATE batch_jobs SET polls = polls + 1, next_poll_at = @next, collector = NULL, collect_until = NULL WHERE id = @jobId AND collector = @owner;";
        await using var connection = await connections.OpenWriteAsync(cancellationToken);
        await connection.ExecuteAsync(sql, new { jobId, owner, next = next.ToUnixTimeMilliseconds() });
    }

    /// <summary>Makes every running job due now, and every job still being created due once submitted: a webhook said one of them ended.</summary>
    public async Task PollAllNowAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenWriteAsync(cancellationToken);
        await connection.ExecuteAsync("UPDATE batch_jobs SET next_poll_at = @now WHERE state IN ('creating', 'running');", new { now = now.ToUnixTimeMilliseconds() });
    }

    /// <summary>Pairs still to judge for the rubric (pending or in a job) and the next poll due, Unix ms.</summary>
    public async Task<(long Open, long? NextPoll)> OpenAsync(string rubric, CancellationToken cancellationToken)
    {
        const string sql =
            $"""
            SELECT (SELECT COUNT(*) FROM backfill_work WHERE rubric_version = @rubric AND status IN ('{SampleStatuses.Pending}', '{SampleStatuses.Batched}')) AS Open,
                   (SELECT MIN(next_poll_at) FROM batch_jobs WHERE rubric_version = @rubric AND state = 'running') AS NextPoll;
            """;
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.QuerySingleAsync<(long, long?)>(sql, new { rubric });
    }

    /// <summary>
    /// Stores a finished job's outcomes in one transaction, only while <paramref name="owner"/> holds the
    /// job's claim and it is still running. Returns the verdicts it stored (a pair no longer in the job keeps what it
    /// has), or null when someone else collected the job and nothing was written.
    /// </summary>
    public async Task<IReadOnlyList<VerdictRecord>?> FinishAsync(long jobId, string owner, string state, IReadOnlyList<VerdictRecord> verdicts, IReadOnlyList<BatchItemFailure> failures, int maxAttempts, DateTimeOffset now, CancellationToken cancellationToken)
    {
        const string end =
            """
            UPDATE batch_jobs SET state = @state, finished_at = @now, last_error = @reason, collector = NULL, collect_until = NULL
            WHERE id = @jobId AND state = 'running' AND collector = @owner;
            """;
        const string done =
            $"""
            UPDATE backfill_work SET status = '{SampleStatuses.Done}', batch_job_id = NULL, last_error = NULL, failure_kind = NULL, cost_usd = cost_usd + @CostUsd, updated_at = @JudgedAt
            WHERE interaction_id = @InteractionId AND rubric_version = @RubricVersion AND status = '{SampleStatuses.Batched}' AND batch_job_id = @jobId;
            """;
        const string failed =
            $"""
            UPDATE backfill_work
            SET status = @status, attempts = attempts - @refund,
                batch_job_id = NULL, next_attempt_at = @next, last_error = @Reason, failure_kind = @kind, cost_usd = cost_usd + @CostUsd, updated_at = @now
            WHERE interaction_id = @InteractionId AND batch_job_id = @jobId AND status = '{SampleStatuses.Batched}';
            """;
        const string rest =
            $"""
            UPDATE backfill_work SET status = '{SampleStatuses.Pending}', attempts = attempts - @refund, batch_job_id = NULL, last_error = @reason, failure_kind = NULL,
                                     updated_at = @now
            WHERE batch_job_id = @jobId AND status = '{SampleStatuses.Batched}';
            """;
        var nowMs = now.ToUnixTimeMilliseconds();
        await using var connection = await connections.OpenWriteAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var reason = state == "done" ? null : $"batch job {state}";
        if (await connection.ExecuteAsync(end, new { jobId, owner, state, reason, now = nowMs }, transaction) == 0)
        {
            await transaction.RollbackAsync(cancellationToken);
            return null;
        }

        var stored = new List<VerdictRecord>(verdicts.Count);
        foreach (var verdict in verdicts)
        {
            var parameters = new DynamicParameters(verdict);
            parameters.Add("jobId", jobId);
            if (await connection.ExecuteAsync(done, parameters, transaction) == 1 && await SampleQueue.CloseBackfilledAsync(connection, transaction, verdict))
            {
                stored.Add(verdict);
            }
        }

        // A failed line is an attempt like a failed call, decided by the same policy against Batch:MaxAttempts.
        var attempts = (await connection.QueryAsync<(string Id, long Attempts)>(HeldSql, new { jobId }, transaction)).ToDictionary(h => h.Id, h => (int)h.Attempts, StringComparer.Ordinal);
        foreach (var failure in failures.Where(f => attempts.ContainsKey(f.InteractionId)))
        {
            var decision = policy.Decide(failure.Kind, attempts[failure.InteractionId], null, now, maxAttempts);
            await connection.ExecuteAsync(failed, new
            {
                failure.InteractionId, failure.Reason, failure.CostUsd, kind = JudgeFailureKinds.ToText(failure.Kind),
                status = (decision.Failed ? SampleStatus.Failed : SampleStatus.Pending).ToText(),
                refund = decision.Refunds ? 1 : 0, next = decision.Next.ToUnixTimeMilliseconds(), jobId, now = nowMs,
            }, transaction);
        }

        // An expired job judged nothing: its pairs go back without losing an attempt.
        var refund = state == "expired" ? 1 : 0;
        await connection.ExecuteAsync(rest, new { jobId, refund, reason, now = nowMs }, transaction);
        await transaction.CommitAsync(cancellationToken);
        return stored;
    }
}
