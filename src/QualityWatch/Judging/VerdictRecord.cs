namespace QualityWatch.Judging;

/// <summary>One row of the <c>verdicts</c> table, as the worker writes it.</summary>
public sealed record VerdictRecord(
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
    long JudgedAt);
