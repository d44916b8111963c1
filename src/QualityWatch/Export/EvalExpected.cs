using System.Text.Json.Serialization;

namespace QualityWatch.Export;

/// <summary>
/// The expected grades: from the newest review label when the sample was reviewed (<c>source: review</c>;
/// a label's scores are optional), else from the newest verdict (<c>source: verdict</c>).
/// </summary>
internal sealed record EvalExpected(
    [property: JsonPropertyName("source")] string Source,
    [property: JsonPropertyName("hallucination")] bool Hallucination,
    [property: JsonPropertyName("accuracy")] int? Accuracy,
    [property: JsonPropertyName("tone")] int? Tone,
    [property: JsonPropertyName("reason")] string? Reason)
{
    public static EvalExpected? For(ExportSample sample) =>
        sample.Reviews.MaxBy(r => r.UpdatedAt) is { } review
            ? new("review", review.Hallucination, review.Accuracy, review.Tone, review.Note)
            : sample.Verdicts.LastOrDefault() is { } verdict
                ? new("verdict", verdict.Hallucination, verdict.Accuracy, verdict.Tone, verdict.Reason)
                : null;
}
