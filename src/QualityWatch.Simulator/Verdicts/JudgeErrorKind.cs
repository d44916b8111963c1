namespace QualityWatch.Simulator.Verdicts;

/// <summary>The ways a real judge model gets the verdict wrong while the HTTP exchange succeeds.</summary>
public enum JudgeErrorKind
{
    /// <summary>Valid JSON without the <c>hallucination</c> field.</summary>
    MissingField,

    /// <summary>Valid JSON with <c>accuracy</c> 7, outside 1–5.</summary>
    OutOfRangeScore,

    /// <summary>Prose instead of JSON.</summary>
    NotJson,
}
