using System.Text.Json.Serialization;

namespace QualityWatch.Export;

/// <summary>One person's review label of a sample (scores and note are optional on a label).</summary>
internal sealed class ExportReview
{
    [JsonIgnore] public string InteractionId { get; init; } = "";
    [JsonPropertyName("reviewer")] public string Reviewer { get; init; } = "";
    [JsonPropertyName("hallucination")] public bool Hallucination { get; init; }
    [JsonPropertyName("accuracy")] public int? Accuracy { get; init; }
    [JsonPropertyName("tone")] public int? Tone { get; init; }
    [JsonPropertyName("note")] public string? Note { get; init; }
    [JsonPropertyName("updated_at")] public DateTimeOffset UpdatedAt { get; init; }
}
