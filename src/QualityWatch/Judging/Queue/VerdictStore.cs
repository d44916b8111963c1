using System.Data.Common;
using Dapper;

namespace QualityWatch.Judging.Queue;

/// <summary>The one INSERT of a verdict, shared by the live worker, backfill and batch collection.</summary>
internal static class VerdictStore
{
    /// <summary>Inserts inside the caller's transaction; a second verdict for the same sample and rubric is ignored.</summary>
    public static Task<int> InsertAsync(DbConnection connection, DbTransaction transaction, VerdictRecord verdict)
    {
        const string sql =
            """
            INSERT INTO verdicts (interaction_id, rubric_version, accuracy, tone, hallucination, unsupported_claims, reason, provider,
                                  judge_model, service_tier_requested, service_tier, latency_ms, attempts, prompt_tokens, cached_tokens,
                                  output_tokens, thinking_tokens, cost_usd, judged_at)
            VALUES (@InteractionId, @RubricVersion, @Accuracy, @Tone, @Hallucination, @UnsupportedClaims, @Reason, @Provider,
                    @JudgeModel, @TierRequested, @TierUsed, @LatencyMs, @Attempts, @PromptTokens, @CachedTokens,
                    @OutputTokens, @ThinkingTokens, @CostUsd, @JudgedAt)
            ON CONFLICT (interaction_id, rubric_version) DO NOTHING;
            """;
        return connection.ExecuteAsync(sql, verdict, transaction);
    }
}
