namespace QualityWatch.Judging;

/// <summary>
/// A call without a verdict as the queue stores it: the kind (<c>failure_kind</c>), the reason shown to
/// people (<c>last_error</c>, "Kind: detail"), the policy's decision and what the call cost anyway.
/// </summary>
internal sealed record JudgeFailure(JudgeFailureKind Kind, string Reason, JudgeFailureDecision Decision, decimal CostUsd);
