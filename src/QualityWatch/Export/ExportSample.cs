using System.Text.Json;
using System.Text.Json.Serialization;

namespace QualityWatch.Export;

/// <summary>A plain JSONL line: the sample's redacted text as stored, its verdicts (oldest first) and its review labels.</summary>
internal sealed class ExportSample
{
    [JsonIgnore] public long RowId { get; init; }
    [JsonPropertyName("interaction_id")] public string InteractionId { get; init; } = "";
    [JsonPropertyName("stream")] public string Stream { get; init; } = "";
    [JsonPropertyName("occurred_at")] public DateTimeOffset OccurredAt { get; init; }
    [JsonPropertyName("model")] public string? Model { get; init; }
    [JsonPropertyName("prompt_version")] public string? PromptVersion { get; init; }
    [JsonPropertyName("conversation_id")] public string? ConversationId { get; init; }
    [JsonPropertyName("labels")] public JsonElement Labels { get; init; }
    [JsonPropertyName("prompt")] public string Prompt { get; init; } = "";
    [JsonPropertyName("response")] public string Response { get; init; } = "";
    [JsonPropertyName("context")] public string? Context { get; init; }
    [JsonPropertyName("redactions")] public JsonElement Redactions { get; init; }
    [JsonPropertyName("verdicts")] public List<ExportVerdict> Verdicts { get; init; } = [];

    [JsonPropertyName("reviews")] public List<ExportReview> Reviews { get; init; } = [];
}
