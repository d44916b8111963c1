using System.Data.Common;
using System.Text;
using Dapper;
using Microsoft.Extensions.Options;
using QualityWatch.Judging;
using QualityWatch.Judging.Queue;

namespace QualityWatch.Backfill;

/// <summary>
/// Tokens and cost of judging what the backfill queue holds for a rubric, before anything is sent:
/// input from the stored text (the providers count about 4 UTF-8 bytes a token), output learned from
/// this model's recent verdicts, or Backfill:EstimatedOutputTokens until there are some.
/// </summary>
internal sealed class BackfillEstimator(CostCalculator cost, IOptions<JudgeOptions> judge, IOptions<BackfillOptions> options)
{
    private const int LearnFrom = 20;
    private static readonly int TemplateBytes = Encoding.UTF8.GetByteCount(Rubric.SampleText(new SampleForJudging("", "", "", "", null, 0, null, null)));

    public async Task<BackfillEstimate> EstimateAsync(DbConnection connection, DbTransaction? transaction, Rubric rubric)
    {
        const string queued =
            $"""
            SELECT COUNT(*) AS Samples,
                   COALESCE(SUM(LENGTH(CAST(s.prompt AS BLOB)) + LENGTH(CAST(s.response AS BLOB)) + COALESCE(LENGTH(CAST(s.context AS BLOB)), 0)), 0) AS Bytes
            FROM backfill_work w JOIN samples s ON s.interaction_id = w.interaction_id
            WHERE w.rubric_version = @rubric AND w.status IN ('{SampleStatuses.Pending}', '{SampleStatuses.Leased}');
            """;
        const string learned =
            """
            SELECT COUNT(*) AS Verdicts, AVG(output_tokens + thinking_tokens) AS Output
            FROM (SELECT output_tokens, thinking_tokens FROM verdicts WHERE judge_model = @model ORDER BY judged_at DESC LIMIT 1000);
            """;
        var model = judge.Value.ResolvedModel;
        var (samples, bytes) = await connection.QuerySingleAsync<(long, long)>(queued, new { rubric = rubric.Version }, transaction);
        var (verdicts, output) = await connection.QuerySingleAsync<(long, double?)>(learned, new { model }, transaction);
        var perOutput = verdicts >= LearnFrom && output is { } avg ? (long)Math.Round(avg) : options.Value.EstimatedOutputTokens;

        // The rubric is the shared prefix of every request: the provider caches it (explicitly or
        // implicitly) once it is long enough, and bills cached tokens at the cached rate.
        var cacheable = rubric.EstimatedTokens >= judge.Value.Cache.MinTokens;
        var usage = new JudgeUsage(
            (samples * rubric.EstimatedTokens) + ((bytes + (samples * TemplateBytes)) / 4),
            cacheable ? samples * rubric.EstimatedTokens : 0,
            samples * perOutput,
            0);
        return new BackfillEstimate(
            samples, model, rubric.Version, usage, perOutput, verdicts >= LearnFrom,
            cost.Estimate(model, usage, JudgeTiers.Standard), cost.Estimate(model, usage, JudgeTiers.Flex), cost.Estimate(model, usage, BackfillModes.Batch));
    }
}
