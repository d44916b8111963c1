using System.Text.Json;
using System.Text.Json.Serialization;

namespace QualityWatch.Evidence;

/// <summary>A sample's fate as <c>GET /v1/samples/{id}</c> shows it: redacted text, queue state, failure reason, verdicts.</summary>
internal sealed class SampleView
{
    [JsonPropertyName("interaction_id")] public string InteractionId { get; init; } = "";
    [JsonPropertyName("stream")] public string Stream { get; init; } = "";
    [JsonPropertyName("status")] public string Status { get; init; } = "";
    [JsonPropertyName("attempts")] public long Attempts { get; init; }
    [JsonPropertyName("last_error")] public string? LastError { get; init; }
    [JsonPropertyName("next_attempt_at")] public DateTimeOffset? NextAttemptAt { get; init; }
    [JsonPropertyName("judge_state")] public string? JudgeState { get; set; }
    [JsonPropertyName("occurred_at")] public DateTimeOffset OccurredAt { get; init; }
    [JsonPropertyName("received_at")] public DateTimeOffset ReceivedAt { get; init; }
    [JsonPropertyName("updated_at")] public DateTimeOffset UpdatedAt { get; init; }
    [JsonPropertyName("sample_reason")] public string SampleReason { get; init; } = "";
    [JsonPropertyName("model")] public string? Model { get; init; }
    [JsonPropertyName("prompt_version")] public string? PromptVersion { get; init; }
    [JsonPropertyName("prompt")] public string? Prompt { get; init; }
    [JsonPropertyName("response")] public string? Response { get; init; }
    [JsonPropertyName("context")] public string? Context { get; init; }
    [JsonPropertyName("redactions")] public JsonElement? Redactions { get; init; }
    [JsonPropertyName("verdicts")] public IReadOnlyList<VerdictView>? Verdicts { get; set; }
}
