using Dapper;
using QualityWatch.Storage;

namespace QualityWatch.Canary;

/// <summary>The canary's tables: today's judgments (so no item is judged twice a day), the runs, their baselines.</summary>
internal sealed class CanaryStore(SqliteConnectionFactory connections)
{
    public const string ReviewedSet = "reviewed";

    private const string RunColumns =
        """
        day AS Day, judge_model AS JudgeModel, rubric_version AS RubricVersion, item_set AS ItemSet, tp AS Tp, fp AS Fp, tn AS Tn, fn AS Fn,
        unanswered AS Unanswered, baseline_runs AS BaselineRuns, baseline_tp AS BaselineTp, baseline_fp AS BaselineFp,
        baseline_tn AS BaselineTn, baseline_fn AS BaselineFn, sensitivity_z AS SensitivityZ, specificity_z AS SpecificityZ,
        previous_day AS PreviousDay, sensitivity_lost AS SensitivityLost, sensitivity_gained AS SensitivityGained,
        specificity_lost AS SpecificityLost, specificity_gained AS SpecificityGained, sensitivity_paired_z AS SensitivityPairedZ,
        specificity_paired_z AS SpecificityPairedZ, alarm_z AS AlarmZ, drift AS Drift, cost_usd AS CostUsd, finished_at AS FinishedAt
        """;

    public async Task<HashSet<string>> JudgedAsync(long day, string model, string rubric, CancellationToken cancellationToken)
    {
        const string sql = "SELECT item_id FROM canary_judgments WHERE day = @day AND judge_model = @model AND rubric_version = @rubric;";
        await using var connection = await connections.OpenAsync(cancellationToken);
        return [.. await connection.QueryAsync<string>(new CommandDefinition(sql, new { day, model, rubric }, cancellationToken: cancellationToken))];
    }

    /// <summary>What the canary's judgments of <paramref name="day"/> cost, every judge model and rubric together.</summary>
    public async Task<decimal> SpentAsync(long day, CancellationToken cancellationToken)
    {
        const string sql = "SELECT COALESCE(SUM(cost_usd), 0) FROM canary_judgments WHERE day = @day;";
        await using var connection = await connections.OpenAsync(cancellationToken);
        return (decimal)await connection.ExecuteScalarAsync<double>(new CommandDefinition(sql, new { day }, cancellationToken: cancellationToken));
    }

    public async Task AddAsync(long day, CanaryItem item, string model, string rubric, bool judged, decimal costUsd, long judgedAt, CancellationToken cancellationToken)
    {
        const string sql =
            """
            INSERT INTO canary_judgments (day, item_id, item_set, judge_model, rubric_version, expected, judged, cost_usd, judged_at)
            VALUES (@day, @Id, @Set, @model, @rubric, @Expected, @judged, @cost, @judgedAt)
            ON CONFLICT DO NOTHING;
            """;
        await using var connection = await connections.OpenWriteAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            sql, new { day, item.Id, item.Set, model, rubric, item.Expected, judged, cost = (double)costUsd, judgedAt }, cancellationToken: cancellationToken));
    }

    /// <summary>Reviewed samples with their newest label (any reviewer), newest first: the growing part of the set.</summary>
    public async Task<IReadOnlyList<CanaryItem>> ReviewedAsync(int limit, CancellationToken cancellationToken)
    {
        const string sql =
            """
            SELECT 'review:' || l.interaction_id AS Id, s.context AS Context, s.prompt AS Prompt, s.response AS Response, l.hallucination AS Expected
            FROM review_labels l JOIN samples s ON s.interaction_id = l.interaction_id
            WHERE l.updated_at = (SELECT MAX(updated_at) FROM review_labels m WHERE m.interaction_id = l.interaction_id)
            GROUP BY l.interaction_id
            ORDER BY MAX(l.updated_at) DESC
            LIMIT @limit;
            """;
        if (limit == 0)
        {
            return [];
        }

        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string Id, string? Context, string Prompt, string Response, long Expected)>(
            new CommandDefinition(sql, new { limit }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => new CanaryItem(r.Id, ReviewedSet, r.Context, r.Prompt, r.Response, r.Expected == 1))];
    }

    /// <summary>The day's confusion counts per item set, from every judgment of the day so far.</summary>
    public async Task<IReadOnlyList<CanaryRunRow>> CountsAsync(long day, string model, string rubric, CancellationToken cancellationToken)
    {
        const string sql =
            """
            SELECT item_set AS ItemSet,
                   SUM(expected = 1 AND judged = 1) AS Tp, SUM(expected = 0 AND judged = 1) AS Fp,
                   SUM(expected = 0 AND judged = 0) AS Tn, SUM(expected = 1 AND judged = 0) AS Fn, SUM(cost_usd) AS CostUsd
            FROM canary_judgments
            WHERE day = @day AND judge_model = @model AND rubric_version = @rubric
            GROUP BY item_set;
            """;
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<CanaryRunRow>(new CommandDefinition(sql, new { day, model, rubric }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => r with { Day = day, JudgeModel = model, RubricVersion = rubric })];
    }

    /// <summary>The run with its baseline: the sum of the latest <paramref name="runs"/> earlier runs of the same judge model, rubric and set.</summary>
    public async Task<CanaryRunRow> WithBaselineAsync(CanaryRunRow run, int runs, CancellationToken cancellationToken)
    {
        const string sql =
            """
            SELECT COUNT(*) AS Runs, COALESCE(SUM(tp), 0) AS Tp, COALESCE(SUM(fp), 0) AS Fp, COALESCE(SUM(tn), 0) AS Tn, COALESCE(SUM(fn), 0) AS Fn
            FROM (SELECT tp, fp, tn, fn FROM canary_runs
                  WHERE judge_model = @JudgeModel AND rubric_version = @RubricVersion AND item_set = @ItemSet AND day < @Day
                  ORDER BY day DESC LIMIT @runs);
            """;
        await using var connection = await connections.OpenAsync(cancellationToken);
        var b = await connection.QuerySingleAsync<(long Runs, long Tp, long Fp, long Tn, long Fn)>(
            new CommandDefinition(sql, new { run.JudgeModel, run.RubricVersion, run.ItemSet, run.Day, runs }, cancellationToken: cancellationToken));
        return run with { BaselineRuns = b.Runs, BaselineTp = b.Tp, BaselineFp = b.Fp, BaselineTn = b.Tn, BaselineFn = b.Fn };
    }

    /// <summary>
    /// The run paired item by item with the newest earlier run of the same judge model, rubric and set: how many items
    /// it now answers wrongly that it answered rightly then, and the reverse, per known answer.
    /// </summary>
    public async Task<CanaryRunRow> WithPairsAsync(CanaryRunRow run, CancellationToken cancellationToken)
    {
        const string previousSql =
            """
            SELECT MAX(day) FROM canary_runs
            WHERE judge_model = @JudgeModel AND rubric_version = @RubricVersion AND item_set = @ItemSet AND day < @Day;
            """;
        const string pairsSql =
            """
            SELECT COALESCE(SUM(n.expected = 1 AND p.judged = 1 AND n.judged = 0), 0) AS SensitivityLost,
                   COALESCE(SUM(n.expected = 1 AND p.judged = 0 AND n.judged = 1), 0) AS SensitivityGained,
                   COALESCE(SUM(n.expected = 0 AND p.judged = 0 AND n.judged = 1), 0) AS SpecificityLost,
                   COALESCE(SUM(n.expected = 0 AND p.judged = 1 AND n.judged = 0), 0) AS SpecificityGained
            FROM canary_judgments n
            JOIN canary_judgments p ON p.day = @previous AND p.judge_model = n.judge_model AND p.rubric_version = n.rubric_version AND p.item_id = n.item_id
            WHERE n.day = @Day AND n.judge_model = @JudgeModel AND n.rubric_version = @RubricVersion AND n.item_set = @ItemSet;
            """;
        await using var connection = await connections.OpenAsync(cancellationToken);
        var previous = await connection.ExecuteScalarAsync<long?>(
            new CommandDefinition(previousSql, new { run.JudgeModel, run.RubricVersion, run.ItemSet, run.Day }, cancellationToken: cancellationToken));
        if (previous is null)
        {
            return run with { PreviousDay = null };
        }

        var pairs = await connection.QuerySingleAsync<(long SensitivityLost, long SensitivityGained, long SpecificityLost, long SpecificityGained)>(
            new CommandDefinition(pairsSql, new { run.JudgeModel, run.RubricVersion, run.ItemSet, run.Day, previous }, cancellationToken: cancellationToken));
        return run with
        {
            PreviousDay = previous,
            SensitivityLost = pairs.SensitivityLost,
            SensitivityGained = pairs.SensitivityGained,
            SpecificityLost = pairs.SpecificityLost,
            SpecificityGained = pairs.SpecificityGained,
        };
    }

    public async Task SaveAsync(CanaryRunRow run, CancellationToken cancellationToken)
    {
        const string sql =
            """
            INSERT INTO canary_runs (day, judge_model, rubric_version, item_set, tp, fp, tn, fn, unanswered, baseline_runs, baseline_tp, baseline_fp,
                                     baseline_tn, baseline_fn, sensitivity_z, specificity_z, previous_day, sensitivity_lost, sensitivity_gained,
                                     specificity_lost, specificity_gained, sensitivity_paired_z, specificity_paired_z, alarm_z, drift, cost_usd, finished_at)
            VALUES (@Day, @JudgeModel, @RubricVersion, @ItemSet, @Tp, @Fp, @Tn, @Fn, @Unanswered, @BaselineRuns, @BaselineTp, @BaselineFp,
                    @BaselineTn, @BaselineFn, @SensitivityZ, @SpecificityZ, @PreviousDay, @SensitivityLost, @SensitivityGained,
                    @SpecificityLost, @SpecificityGained, @SensitivityPairedZ, @SpecificityPairedZ, @AlarmZ, @Drift, @CostUsd, @FinishedAt)
            ON CONFLICT (judge_model, rubric_version, item_set, day) DO UPDATE SET
                tp = excluded.tp, fp = excluded.fp, tn = excluded.tn, fn = excluded.fn, unanswered = excluded.unanswered,
                baseline_runs = excluded.baseline_runs, baseline_tp = excluded.baseline_tp, baseline_fp = excluded.baseline_fp,
                baseline_tn = excluded.baseline_tn, baseline_fn = excluded.baseline_fn, sensitivity_z = excluded.sensitivity_z,
                specificity_z = excluded.specificity_z, previous_day = excluded.previous_day, sensitivity_lost = excluded.sensitivity_lost,
                sensitivity_gained = excluded.sensitivity_gained, specificity_lost = excluded.specificity_lost,
                specificity_gained = excluded.specificity_gained, sensitivity_paired_z = excluded.sensitivity_paired_z,
                specificity_paired_z = excluded.specificity_paired_z, alarm_z = excluded.alarm_z, drift = excluded.drift, cost_usd = excluded.cost_usd,
                finished_at = excluded.finished_at;
            """;
        await using var connection = await connections.OpenWriteAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(sql, run, cancellationToken: cancellationToken));
    }

    /// <summary>The newest runs first, at most <paramref name="limit"/>.</summary>
    public async Task<IReadOnlyList<CanaryRunRow>> RunsAsync(int limit, CancellationToken cancellationToken)
    {
        var sql = $"SELECT {RunColumns} FROM canary_runs ORDER BY day DESC, finished_at DESC, item_set LIMIT @limit;";
        await using var connection = await connections.OpenAsync(cancellationToken);
        return [.. await connection.QueryAsync<CanaryRunRow>(new CommandDefinition(sql, new { limit }, cancellationToken: cancellationToken))];
    }

    /// <summary>The reference-set runs of the newest day that has any, one per judge model and rubric.</summary>
    public async Task<IReadOnlyList<CanaryRunRow>> LatestReferenceRunsAsync(CancellationToken cancellationToken)
    {
        var sql = $"""
            SELECT {RunColumns} FROM canary_runs
            WHERE item_set <> '{ReviewedSet}' AND day = (SELECT MAX(day) FROM canary_runs WHERE item_set <> '{ReviewedSet}')
            ORDER BY judge_model, rubric_version;
            """;
        await using var connection = await connections.OpenAsync(cancellationToken);
        return [.. await connection.QueryAsync<CanaryRunRow>(new CommandDefinition(sql, cancellationToken: cancellationToken))];
    }
}
