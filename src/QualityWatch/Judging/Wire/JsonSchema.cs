using System.Text.Json.Serialization;

namespace QualityWatch.Judging.Wire;

/// <summary>
/// The part of JSON Schema the verdict contract uses. The names are pinned: JSON Schema spells them the same
/// whichever casing the provider's own fields use (OpenAI's snake_case would otherwise write additional_properties).
/// </summary>
internal sealed record JsonSchema(
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("minimum")] int? Minimum = null,
    [property: JsonPropertyName("maximum")] int? Maximum = null,
    [property: JsonPropertyName("items")] JsonSchema? Items = null,
    [property: JsonPropertyName("properties")] IReadOnlyDictionary<string, JsonSchema>? Properties = null,
    [property: JsonPropertyName("required")] IReadOnlyList<string>? Required = null,
    [property: JsonPropertyName("additionalProperties")] bool? AdditionalProperties = null);
