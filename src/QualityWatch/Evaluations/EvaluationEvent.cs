using QualityWatch.Judging;

namespace QualityWatch.Evaluations;

/// <summary>One <c>gen_ai.evaluation.result</c>: a verdict has three, one per evaluation name.</summary>
internal sealed record EvaluationEvent(string Name, double ScoreValue, string ScoreLabel, string Explanation)
{
    public const string Hallucination = "hallucination";
    public const string Accuracy = "accuracy";
    public const string Tone = "tone";

    /// <summary>hallucination scores 1 (hallucinated) or 0 (supported); accuracy and tone their 1–5 score, labelled e.g. "4/5".</summary>
    public static IReadOnlyList<EvaluationEvent> Of(VerdictRecord verdict) =>
    [
        new(Hallucination, verdict.Hallucination ? 1 : 0, verdict.Hallucination ? "hallucination" : "supported", verdict.Reason),
        new(Accuracy, verdict.Accuracy, $"{verdict.Accuracy}/5", verdict.Reason),
        new(Tone, verdict.Tone, $"{verdict.Tone}/5", verdict.Reason),
    ];
}
