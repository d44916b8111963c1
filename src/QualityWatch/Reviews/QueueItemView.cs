using System.Text.Json.Serialization;

namespace QualityWatch.Reviews;

/// <summary>One sample drawn for review: its redacted texts and the verdict the reviewer checks.</summary>
internal sealed class QueueItemView
{
    [JsonPropertyName("interaction_id")] public string InteractionId { get; init; } = "";
    [JsonPropertyName("stream")] public string Stream { get; init; } = "";

    /// <summary><c>judged_yes</c> or <c>judged_no</c>: the stratum it was drawn from.</summary>
    [JsonPropertyName("stratum")] public string Stratum { get; init; } = "";

    /// <summary>True when it comes first because its prompt_version or model is in its boost window.</summary>
    [JsonPropertyName("boosted")] public bool Boosted { get; set; }
    [JsonPropertyName("occurred_at")] public DateTimeOffset OccurredAt { get; init; }
    [JsonPropertyName("prompt_version")] public string? PromptVersion { get; init; }
    [JsonPropertyName("model")] public string? Model { get; init; }
    [JsonPropertyName("sample_reason")] public string SampleReason { get; init; } = "";
    [JsonPropertyName("prompt")] public string Prompt { get; init; } = "";
    [JsonPropertyName("response")] public string Response { get; init; } = "";
    [JsonPropertyName("context")] public string? Context { get; init; }
    [JsonPropertyName("verdict")] public QueueVerdictView Verdict { get; init; } = new();

    /// <summary>Labels other reviewers gave it already.</summary>
    [JsonPropertyName("other_labels")] public long OtherLabels { get; init; }
}
