using System.Text.Json.Serialization;

namespace QualityWatch.Backfill.Batch.Wire;

/// <summary>The wrapper the API nests inline results in: <c>inlinedResponses.inlinedResponses[]</c>, in request order.</summary>
internal sealed record InlinedResponses([property: JsonPropertyName("inlinedResponses")] IReadOnlyList<BatchResult>? Responses);
