using System.Text.Json;

namespace QualityWatch.Judging;

/// <summary>One row of the <c>verdicts</c> table, as the worker writes it.</summary>
internal sealed record VerdictRecord(
    string InteractionId,
    string RubricVersion,
    int Accuracy,
    int Tone,
    bool Hallucination,
    string UnsupportedClaims,
    string Reason,
    string Provider,
    string JudgeModel,
    string TierRequested,
    string TierUsed,
    long LatencyMs,
    int Attempts,
    long PromptTokens,
    long CachedTokens,
    long OutputTokens,
    long ThinkingTokens,
    double CostUsd,
    long JudgedAt)
{
    /// <summary>The row for a verdict a provider returned, with its usage and cost.</summary>
    public static VerdictRecord Of(
        string interactionId, string rubricVersion, Verdict verdict, string provider, string model, string tierRequested, string tierUsed,
        TimeSpan latency, int attempts, JudgeUsage usage, decimal costUsd, DateTimeOffset judgedAt) =>
        new(interactionId, rubricVersion, verdict.Accuracy, verdict.Tone, verdict.Hallucination,
            JsonSerializer.Serialize(verdict.UnsupportedClaims, JudgingJsonContext.Default.IReadOnlyListString), verdict.Reason,
            provider, model, tierRequested, tierUsed, (long)latency.TotalMilliseconds, attempts,
            usage.PromptTokens, usage.CachedTokens, usage.OutputTokens, usage.ThinkingTokens,
            (double)costUsd, judgedAt.ToUnixTimeMilliseconds());
}
