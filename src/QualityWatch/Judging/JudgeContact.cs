namespace QualityWatch.Judging;

/// <summary>
/// The worker's last contact with the judge: when it last gave a verdict and how its last
/// failed call failed. Readiness reads it instead of probing the paid API.
/// </summary>
internal sealed record JudgeContact(DateTimeOffset? LastVerdictAt, DateTimeOffset? LastFailureAt, JudgeFailureKind? LastFailureKind, string? LastFailure)
{
    public static JudgeContact None { get; } = new(null, null, null, null);
}
