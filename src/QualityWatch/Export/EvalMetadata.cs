using System.Text.Json;
using System.Text.Json.Serialization;

namespace QualityWatch.Export;

/// <summary>Where an eval line came from, so a result can be traced back to its sample.</summary>
internal sealed record EvalMetadata(
    [property: JsonPropertyName("interaction_id")] string InteractionId,
    [property: JsonPropertyName("stream")] string Stream,
    [property: JsonPropertyName("prompt_version")] string? PromptVersion,
    [property: JsonPropertyName("model")] string? Model,
    [property: JsonPropertyName("labels")] JsonElement Labels);
