using System.Text.Json;
using System.Text.Json.Serialization;

namespace QualityWatch.Evidence;

/// <summary>One stored verdict with its judge, tier, usage and cost.</summary>
internal sealed class VerdictView
{
    [JsonPropertyName("rubric_version")] public string RubricVersion { get; init; } = "";
    [JsonPropertyName("accuracy")] public int Accuracy { get; init; }
    [JsonPropertyName("tone")] public int Tone { get; init; }
    [JsonPropertyName("hallucination")] public bool Hallucination { get; init; }
    [JsonPropertyName("unsupported_claims")] public JsonElement UnsupportedClaims { get; init; }
    [JsonPropertyName("reason")] public string Reason { get; init; } = "";
    [JsonPropertyName("provider")] public string Provider { get; init; } = "";
    [JsonPropertyName("judge_model")] public string JudgeModel { get; init; } = "";
    [JsonPropertyName("service_tier_requested")] public string ServiceTierRequested { get; init; } = "";
    [JsonPropertyName("service_tier")] public string ServiceTier { get; init; } = "";
    [JsonPropertyName("latency_ms")] public long LatencyMs { get; init; }
    [JsonPropertyName("attempts")] public long Attempts { get; init; }
    [JsonPropertyName("prompt_tokens")] public long PromptTokens { get; init; }
    [JsonPropertyName("cached_tokens")] public long CachedTokens { get; init; }
    [JsonPropertyName("output_tokens")] public long OutputTokens { get; init; }
    [JsonPropertyName("thinking_tokens")] public long ThinkingTokens { get; init; }
    [JsonPropertyName("cost_usd")] public double CostUsd { get; init; }
    [JsonPropertyName("judged_at")] public DateTimeOffset JudgedAt { get; init; }
}
