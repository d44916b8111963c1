using System.Text.Json.Serialization;

namespace QualityWatch.Ingestion;

/// <summary>The 400 answer when no item was accepted: the shared error body plus each item's reason.</summary>
internal sealed record RejectedInteractions(
    [property: JsonPropertyName("error")] string Error,
    [property: JsonPropertyName("message")] string Message,
    [property: JsonPropertyName("rejected")] IReadOnlyList<Rejection> Rejected);
