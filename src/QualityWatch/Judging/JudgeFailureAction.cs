namespace QualityWatch.Judging;

/// <summary>What <see cref="JudgeFailurePolicy"/> does with a sample whose judge call gave no verdict.</summary>
internal enum JudgeFailureAction
{
    /// <summary>The attempt counts; the sample is due again at <see cref="JudgeFailureDecision.Next"/>.</summary>
    NextAttempt,

    /// <summary>The call did not really happen (e.g. a vanished cache): the attempt is given back and the sample is due at once.</summary>
    Refund,

    /// <summary>The judge as a whole cannot answer: no calls until <see cref="JudgeFailureDecision.Next"/>, the attempt given back.</summary>
    Pause,

    /// <summary>The sample used its last attempt: failed for good.</summary>
    Failed,
}
