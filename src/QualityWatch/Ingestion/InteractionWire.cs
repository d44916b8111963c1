using System.Text.Json.Serialization;

namespace QualityWatch.Ingestion;

/// <summary>One interaction as the chatbot sends it; checked by <see cref="InteractionValidator"/>.</summary>
internal sealed class InteractionWire
{
    [JsonPropertyName("id")]
    public string? Id { get; set; }

    [JsonPropertyName("timestamp")]
    public string? Timestamp { get; set; }

    /// <summary>
    /// When the interaction happened, already typed by a route that reads a binary time (OTLP's Unix nanoseconds):
    /// the validator checks its range and skips the RFC 3339 parse of <see cref="Timestamp"/>. Never read from JSON.
    /// </summary>
    [JsonIgnore]
    public DateTimeOffset? OccurredAt { get; set; }

    [JsonPropertyName("prompt")]
    public string? Prompt { get; set; }

    [JsonPropertyName("response")]
    public string? Response { get; set; }

    [JsonPropertyName("context")]
    public string? Context { get; set; }

    [JsonPropertyName("model")]
    public string? Model { get; set; }

    [JsonPropertyName("prompt_version")]
    public string? PromptVersion { get; set; }

    [JsonPropertyName("conversation_id")]
    public string? ConversationId { get; set; }

    [JsonPropertyName("labels")]
    [JsonConverter(typeof(LabelsJsonConverter))]
    public Dictionary<string, string>? Labels { get; set; }

    [JsonPropertyName("usage")]
    public InteractionUsage? Usage { get; set; }
}
