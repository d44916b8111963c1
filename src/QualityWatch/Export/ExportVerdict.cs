using System.Text.Json;
using System.Text.Json.Serialization;

namespace QualityWatch.Export;

/// <summary>One stored verdict as exported: the grades and who gave them; cost and latency stay home.</summary>
internal sealed class ExportVerdict
{
    [JsonIgnore] public string InteractionId { get; init; } = "";
    [JsonPropertyName("rubric_version")] public string RubricVersion { get; init; } = "";
    [JsonPropertyName("hallucination")] public bool Hallucination { get; init; }
    [JsonPropertyName("accuracy")] public int Accuracy { get; init; }
    [JsonPropertyName("tone")] public int Tone { get; init; }
    [JsonPropertyName("unsupported_claims")] public JsonElement UnsupportedClaims { get; init; }
    [JsonPropertyName("reason")] public string Reason { get; init; } = "";
    [JsonPropertyName("provider")] public string Provider { get; init; } = "";
    [JsonPropertyName("judge_model")] public string JudgeModel { get; init; } = "";
    [JsonPropertyName("judged_at")] public DateTimeOffset JudgedAt { get; init; }
}
