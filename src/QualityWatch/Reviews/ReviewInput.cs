namespace QualityWatch.Reviews;

/// <summary>A reviewer's answer about one sample, as posted: hallucination yes/no, optional scores 1–5 and a note.</summary>
internal sealed record ReviewInput(string InteractionId, bool Hallucination, int? Accuracy, int? Tone, string? Note)
{
    /// <summary>Same answer: posting it again makes no new version.</summary>
    public bool SameAnswerAs(ReviewInput other) =>
        Hallucination == other.Hallucination && Accuracy == other.Accuracy && Tone == other.Tone && string.Equals(Note, other.Note, StringComparison.Ordinal);
}
