using QualityWatch.Judging;

namespace QualityWatch.Backfill.Batch;

/// <summary>A result line without a usable verdict: retried in a later job, or failed after Batch:MaxAttempts.</summary>
internal sealed record BatchItemFailure(string InteractionId, JudgeFailureKind Kind, string Reason, double CostUsd);
