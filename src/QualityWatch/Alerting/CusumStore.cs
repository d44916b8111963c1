using Dapper;
using QualityWatch.Judging;
using QualityWatch.Statistics;
using QualityWatch.Storage;

namespace QualityWatch.Alerting;

/// <summary>Reads verdicts in judged order and keeps the sequential statistics and their read cursor in SQLite.</summary>
internal sealed class CusumStore(SqliteConnectionFactory connections, CurrentRubric rubric)
{
    private const string StreamsSql =
        """
        SELECT DISTINCT s.stream FROM verdicts v JOIN samples s ON s.interaction_id = v.interaction_id
        WHERE v.judged_at > @From AND v.rubric_version = @Rubric AND s.origin = 'live' ORDER BY s.stream;
        """;

    public async Task<IReadOnlyList<string>> StreamsAsync(DateTimeOffset from, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return [.. await connection.QueryAsync<string>(new CommandDefinition(StreamsSql, new { From = from.ToUnixTimeMilliseconds(), Rubric = rubric.Version }, cancellationToken: cancellationToken))];
    }

    private const string CountSql =
        """
        SELECT COUNT(*) AS Verdicts, COALESCE(SUM(v.hallucination), 0) AS Hallucinations
        FROM verdicts v JOIN samples s ON s.interaction_id = v.interaction_id
        WHERE s.stream = @Stream AND v.judged_at > @From AND v.judged_at <= @To
          AND (@Exclude IS NULL OR COALESCE(s.prompt_version, '') <> @Exclude) AND v.rubric_version = @Rubric AND s.origin = 'live';
        """;

    /// <summary>Verdicts and hallucinations of a stream in a time range, optionally excluding one prompt version.</summary>
    public async Task<(long Samples, long Hallucinations)> CountAsync(string stream, string? exclude, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleAsync<VerdictCount>(new CommandDefinition(CountSql, new
        {
            Stream = stream,
            Exclude = exclude,
            From = from.ToUnixTimeMilliseconds(),
            To = to.ToUnixTimeMilliseconds(),
            Rubric = rubric.Version,
        }, cancellationToken: cancellationToken));
        return (row.Verdicts, row.Hallucinations);
    }

    private const string StatesSql =
        """
        SELECT rule AS Rule, stream AS Stream, prompt_version AS PromptVersion, statistic AS Statistic, recovery AS Recovery,
               alarmed AS Alarmed, alarms AS Alarms, samples AS Samples, hallucinations AS Hallucinations,
               baseline_rate AS BaselineRate, baseline_source AS BaselineSource, target_rate AS TargetRate,
               started_at AS StartedAt, alarmed_at AS AlarmedAt, last_judged_at AS LastJudgedAt,
               deploy_statistic AS DeployStatistic, deploy_open AS DeployOpen, alarmed_by AS AlarmedBy,
               rate_basis AS RateBasis, calibration AS Calibration
        FROM alert_cusum WHERE rule = @Rule AND stream = @Stream;
        """;

    private const string CursorSql =
        "SELECT judged_at AS JudgedAt, interaction_id AS InteractionId FROM alert_cusum_cursors WHERE rule = @Rule AND stream = @Stream;";

    internal async Task<(Dictionary<string, CusumState> States, JudgedVerdict? Cursor)> LoadAsync(string rule, string stream, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var args = new { Rule = rule, Stream = stream };
        var states = await connection.QueryAsync<CusumState>(new CommandDefinition(StatesSql, args, cancellationToken: cancellationToken));
        var cursor = await connection.QuerySingleOrDefaultAsync<JudgedVerdict>(new CommandDefinition(CursorSql, args, cancellationToken: cancellationToken));
        return (states.ToDictionary(s => s.PromptVersion, StringComparer.Ordinal), cursor);
    }

    // Each sample counts once, with its current-rubric verdict: re-judging under a new rubric must not replay it.
    private const string NextSql =
        """
        SELECT v.interaction_id AS InteractionId, v.judged_at AS JudgedAt, v.hallucination AS Hallucination,
               COALESCE(s.prompt_version, '') AS PromptVersion
        FROM verdicts v JOIN samples s ON s.interaction_id = v.interaction_id
        WHERE s.stream = @Stream AND v.judged_at <= @To
          AND (v.judged_at > @AfterAt OR (v.judged_at = @AfterAt AND v.interaction_id > @AfterId))
          AND v.rubric_version = @Rubric AND s.origin = 'live'
        ORDER BY v.judged_at, v.interaction_id
        LIMIT @Limit;
        """;

    internal async Task<IReadOnlyList<JudgedVerdict>> NextAsync(string stream, JudgedVerdict? after, DateTimeOffset to, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return [.. await connection.QueryAsync<JudgedVerdict>(new CommandDefinition(NextSql, new
        {
            Stream = stream,
            To = to.ToUnixTimeMilliseconds(),
            AfterAt = after?.JudgedAt ?? long.MinValue,
            AfterId = after?.InteractionId ?? "",
            Limit = limit,
            Rubric = rubric.Version,
        }, cancellationToken: cancellationToken))];
    }

    private const string SaveStateSql =
        """
        INSERT INTO alert_cusum (rule, stream, prompt_version, statistic, recovery, alarmed, alarms, samples, hallucinations,
            baseline_rate, baseline_source, target_rate, started_at, alarmed_at, last_judged_at, deploy_statistic, deploy_open, alarmed_by,
            rate_basis, calibration)
        VALUES (@Rule, @Stream, @PromptVersion, @Statistic, @Recovery, @Alarmed, @Alarms, @Samples, @Hallucinations,
            @BaselineRate, @BaselineSource, @TargetRate, @StartedAt, @AlarmedAt, @LastJudgedAt, @DeployStatistic, @DeployOpen, @AlarmedBy,
            @RateBasis, @Calibration)
        ON CONFLICT (rule, stream, prompt_version) DO UPDATE SET
            statistic = excluded.statistic, recovery = excluded.recovery, alarmed = excluded.alarmed, alarms = excluded.alarms,
            samples = excluded.samples, hallucinations = excluded.hallucinations, alarmed_at = excluded.alarmed_at,
            last_judged_at = excluded.last_judged_at, deploy_statistic = excluded.deploy_statistic,
            deploy_open = excluded.deploy_open, alarmed_by = excluded.alarmed_by;
        """;

    private const string SaveCursorSql =
        """
        INSERT INTO alert_cusum_cursors (rule, stream, judged_at, interaction_id) VALUES (@Rule, @Stream, @JudgedAt, @InteractionId)
        ON CONFLICT (rule, stream) DO UPDATE SET judged_at = excluded.judged_at, interaction_id = excluded.interaction_id;
        """;

    /// <summary>Saves the statistics and how far they have read, atomically, so a restart continues exactly there.</summary>
    internal async Task SaveAsync(string rule, string stream, IEnumerable<CusumState> states, JudgedVerdict cursor, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenWriteAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(SaveStateSql, states, transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(SaveCursorSql, new { Rule = rule, Stream = stream, cursor.JudgedAt, cursor.InteractionId }, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
    }
}
