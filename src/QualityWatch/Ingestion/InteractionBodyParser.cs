using System.Text.Json;

namespace QualityWatch.Ingestion;

/// <summary>
/// Splits a body into interactions: one JSON object, a JSON array of objects, or NDJSON.
/// A broken item is rejected on its own; only a body that cannot be read at all is refused.
/// </summary>
internal static class InteractionBodyParser
{
    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    public static ParsedBody Parse(ReadOnlyMemory<byte> body, bool ndjson, int maxItems)
    {
        if (body.Span.StartsWith(Utf8Bom))
        {
            body = body[Utf8Bom.Length..];
        }

        if (body.Span.Trim(" \t\r\n"u8).IsEmpty)
        {
            return ParsedBody.Refused(StatusCodes.Status400BadRequest, "empty_body", "The request body is empty; send a JSON object, a JSON array or NDJSON lines.");
        }

        return ndjson ? ParseNdjson(body, maxItems) : ParseJson(body, maxItems);
    }

    private static ParsedBody ParseJson(ReadOnlyMemory<byte> body, int maxItems)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 16 });
        }
        catch (JsonException ex)
        {
            return ParsedBody.Refused(StatusCodes.Status400BadRequest, "malformed_json", $"The body is not valid JSON: {ex.Message}");
        }

        using (document)
        {
            var root = document.RootElement;
            switch (root.ValueKind)
            {
                case JsonValueKind.Object:
                    return ParsedBody.Read(BodyShape.Object, [ReadElement(root, 0)]);
                case JsonValueKind.Array when root.GetArrayLength() > maxItems:
                    return TooMany(root.GetArrayLength(), maxItems);
                case JsonValueKind.Array:
                    var items = new List<ParsedItem>(root.GetArrayLength());
                    var index = 0;
                    foreach (var element in root.EnumerateArray())
                    {
                        items.Add(ReadElement(element, index++));
                    }

                    return ParsedBody.Read(BodyShape.Array, items);
                default:
                    return ParsedBody.Refused(StatusCodes.Status400BadRequest, "malformed_json", $"The body must be a JSON object or array, was {root.ValueKind}.");
            }
        }
    }

    private static ParsedItem ReadElement(JsonElement element, int index)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return new ParsedItem(index, null, $"item must be a JSON object, was {element.ValueKind}");
        }

        try
        {
            return new ParsedItem(index, element.Deserialize(IngestJsonContext.Default.InteractionWire), null);
        }
        catch (JsonException ex)
        {
            return new ParsedItem(index, null, $"invalid interaction: {ex.Message}");
        }
    }

    private static ParsedBody ParseNdjson(ReadOnlyMemory<byte> body, int maxItems)
    {
        var items = new List<ParsedItem>();
        var span = body.Span;
        var lineNumber = 0;
        while (!span.IsEmpty)
        {
            lineNumber++;
            var end = span.IndexOf((byte)'\n');
            var line = (end < 0 ? span : span[..end]).Trim(" \t\r"u8);
            span = end < 0 ? [] : span[(end + 1)..];
            if (line.IsEmpty)
            {
                continue;
            }

            if (items.Count == maxItems)
            {
                return TooMany(items.Count + 1 + CountNonEmptyLines(span), maxItems);
            }

            items.Add(ReadLine(line, lineNumber));
        }

        return ParsedBody.Read(BodyShape.Ndjson, items);
    }

    internal static ParsedItem ReadLine(ReadOnlySpan<byte> line, int lineNumber)
    {
        if (line[0] != (byte)'{')
        {
            return new ParsedItem(lineNumber, null, "line must be a JSON object");
        }

        try
        {
            return new ParsedItem(lineNumber, JsonSerializer.Deserialize(line, IngestJsonContext.Default.InteractionWire), null);
        }
        catch (JsonException ex)
        {
            return new ParsedItem(lineNumber, null, $"invalid JSON: {ex.Message}");
        }
    }

    private static int CountNonEmptyLines(ReadOnlySpan<byte> rest)
    {
        var count = 0;
        foreach (var range in rest.Split((byte)'\n'))
        {
            if (!rest[range].Trim(" \t\r"u8).IsEmpty)
            {
                count++;
            }
        }

        return count;
    }

    private static ParsedBody TooMany(int count, int maxItems) =>
        ParsedBody.Refused(
            StatusCodes.Status413PayloadTooLarge,
            "too_many_interactions",
            $"The request holds {count} interactions; Ingest:MaxInteractionsPerRequest allows {maxItems}. Split it into smaller batches.");
}
