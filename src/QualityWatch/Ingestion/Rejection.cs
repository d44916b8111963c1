using System.Text.Json.Serialization;

namespace QualityWatch.Ingestion;

/// <summary>One item that was not accepted: <c>index</c> (0-based, JSON) or <c>line</c> (1-based, NDJSON), and why.</summary>
internal sealed record Rejection(
    [property: JsonPropertyName("index"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Index,
    [property: JsonPropertyName("line"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Line,
    [property: JsonPropertyName("id"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Id,
    [property: JsonPropertyName("error")] string Error);
