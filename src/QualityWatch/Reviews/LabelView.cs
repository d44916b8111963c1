using System.Text.Json.Serialization;

namespace QualityWatch.Reviews;

/// <summary>A reviewer's current label on one sample, as <c>GET /v1/reviews</c> and <c>POST /v1/reviews</c> show it.</summary>
internal sealed class LabelView
{
    [JsonPropertyName("interaction_id")] public string InteractionId { get; init; } = "";
    [JsonPropertyName("stream")] public string Stream { get; init; } = "";
    [JsonPropertyName("reviewer")] public string Reviewer { get; init; } = "";
    [JsonPropertyName("hallucination")] public bool Hallucination { get; init; }
    [JsonPropertyName("accuracy")] public int? Accuracy { get; init; }
    [JsonPropertyName("tone")] public int? Tone { get; init; }
    [JsonPropertyName("note")] public string? Note { get; init; }
    [JsonPropertyName("judge")] public JudgeAnswerView Judge { get; init; } = new();
    [JsonPropertyName("agrees_with_judge")] public bool AgreesWithJudge => Hallucination == Judge.Hallucination;
    [JsonPropertyName("version")] public long Version { get; init; }
    [JsonPropertyName("created_at")] public DateTimeOffset CreatedAt { get; init; }
    [JsonPropertyName("updated_at")] public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>On a <c>POST</c> answer only: <c>created</c>, <c>updated</c> or <c>unchanged</c>.</summary>
    [JsonPropertyName("outcome")] public string? Outcome { get; set; }
}
