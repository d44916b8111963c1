using System.Text.Json.Serialization;

namespace QualityWatch.Canary;

/// <summary><c>GET /v1/canary</c>: the reference set in force and the newest runs, newest first.</summary>
internal sealed class CanaryView
{
    [JsonPropertyName("reference_set")] public string ReferenceSet { get; init; } = "";
    [JsonPropertyName("reference_items")] public int ReferenceItems { get; init; }
    [JsonPropertyName("judge_model")] public string JudgeModel { get; init; } = "";
    [JsonPropertyName("rubric_version")] public string RubricVersion { get; init; } = "";
    [JsonPropertyName("schedule")] public string Schedule { get; init; } = "";
    [JsonPropertyName("runs")] public IReadOnlyList<CanaryRunView> Runs { get; init; } = [];
}
