using System.Text.Json;
using System.Text.Json.Serialization;

namespace QualityWatch.Reviews;

/// <summary>The newest verdict of a queued sample: what the reviewer agrees or disagrees with.</summary>
internal sealed class QueueVerdictView
{
    [JsonPropertyName("hallucination")] public bool Hallucination { get; init; }
    [JsonPropertyName("accuracy")] public int Accuracy { get; init; }
    [JsonPropertyName("tone")] public int Tone { get; init; }
    [JsonPropertyName("unsupported_claims")] public JsonElement UnsupportedClaims { get; init; }
    [JsonPropertyName("reason")] public string Reason { get; init; } = "";
    [JsonPropertyName("judge_model")] public string JudgeModel { get; init; } = "";
    [JsonPropertyName("rubric_version")] public string RubricVersion { get; init; } = "";
    [JsonPropertyName("judged_at")] public DateTimeOffset JudgedAt { get; init; }
}
