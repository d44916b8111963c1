namespace QualityWatch.Judging;

/// <summary>
/// One judge call as <see cref="JudgeStep"/> made it: what the provider said, the tier asked for and
/// served, latency and cost, and either the verdict row to store or the failure and its decision.
/// </summary>
internal sealed record JudgeResult(
    JudgeOutcome Outcome,
    string TierRequested,
    string TierUsed,
    TimeSpan Latency,
    decimal CostUsd,
    VerdictRecord? Verdict,
    JudgeFailure? Failure);
