using System.Text.Json.Serialization;

namespace QualityWatch.Reviews;

/// <summary>The verdict a label was compared against: the judge's answer, and the judge model and rubric that gave it.</summary>
internal sealed class JudgeAnswerView
{
    [JsonPropertyName("hallucination")] public bool Hallucination { get; init; }
    [JsonPropertyName("judge_model")] public string JudgeModel { get; init; } = "";
    [JsonPropertyName("rubric_version")] public string RubricVersion { get; init; } = "";
}
