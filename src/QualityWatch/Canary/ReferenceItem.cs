using System.Text.Json.Serialization;

namespace QualityWatch.Canary;

/// <summary>One line of the shipped reference set: a synthetic support turn and whether its response hallucinates.</summary>
internal sealed record ReferenceItem(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("context")] string Context,
    [property: JsonPropertyName("prompt")] string Prompt,
    [property: JsonPropertyName("response")] string Response,
    [property: JsonPropertyName("hallucination")] bool Hallucination);
