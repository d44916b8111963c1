using System.Text.Json;
using System.Text.Json.Serialization;

namespace QualityWatch.Ingestion;

/// <summary>
/// Reads an interaction's <c>labels</c> object as the built-in dictionary converter does (string values or null, the last
/// of a repeated name wins, anything else is a <see cref="JsonException"/>), but as a value converter: the built-in one makes
/// the serializer push a nested frame, which allocates its frame stack (~1 KB) for every NDJSON line that has labels, a
/// quarter of all the service allocated under NDJSON load (bench/RESULTS.md, "Ingest profile", session 10).
/// </summary>
internal sealed class LabelsJsonConverter : JsonConverter<Dictionary<string, string>>
{
    public override Dictionary<string, string> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"labels must be a JSON object, was {reader.TokenType}.");
        }

        var labels = new Dictionary<string, string>();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString()!;
            reader.Read();
            // GetString throws for a number, bool, object or array, as the built-in string converter does; null stays null
            // for the validator to name.
            labels[name] = reader.GetString()!;
        }

        return labels;
    }

    public override void Write(Utf8JsonWriter writer, Dictionary<string, string> value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStartObject();
        foreach (var (name, label) in value)
        {
            writer.WriteString(name, label);
        }

        writer.WriteEndObject();
    }
}
