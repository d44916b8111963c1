using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace QualityWatch.Simulator.Wire;

/// <summary>
/// Proto3 JSON parsers accept a field by its lowerCamelCase JSON name or its original snake_case
/// name; these helpers give the Gemini surface the same leniency, and its strictness on unknown names.
/// </summary>
internal static class JsonFields
{
    public static JsonNode? Get(JsonObject obj, string camelName) =>
        obj[camelName] ?? obj[JsonNamingPolicy.SnakeCaseLower.ConvertName(camelName)];

    /// <summary>Whether the field is set; proto3 JSON reads an explicit null as the field's default, i.e. not set.</summary>
    public static bool Has(JsonObject obj, string camelName) => Get(obj, camelName) is not null;

    /// <summary>Both spellings of each camelCase name.</summary>
    public static FrozenSet<string> Names(params string[] camelNames) =>
        camelNames.Concat(camelNames.Select(JsonNamingPolicy.SnakeCaseLower.ConvertName)).ToFrozenSet(StringComparer.Ordinal);

    public static string? FirstUnknown(JsonObject obj, FrozenSet<string> known) =>
        obj.Select(p => p.Key).FirstOrDefault(k => !known.Contains(k));

    public static string? String(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
