namespace QualityWatch.Judging;

/// <summary>
/// The policy's answer for one failed call: the action and when the sample is due again (for a
/// <see cref="JudgeFailureAction.Pause"/>, when the pause ends).
/// </summary>
internal sealed record JudgeFailureDecision(JudgeFailureAction Action, DateTimeOffset Next)
{
    /// <summary>Whether the attempt the lease counted is given back.</summary>
    public bool Refunds => Action is JudgeFailureAction.Refund or JudgeFailureAction.Pause;

    public bool Failed => Action is JudgeFailureAction.Failed;
}
