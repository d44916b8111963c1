using System.Text.Json.Nodes;
using Google.Protobuf;
using QualityWatch.Ingestion.Otlp.Proto;

namespace QualityWatch.Ingestion.Otlp;

/// <summary>
/// OTLP/JSON is the protobuf JSON mapping with one exception the protobuf runtime does not know: trace and
/// span ids are hex strings, not base64. This rewrites them to base64 and then parses with the runtime, so
/// field names (lowerCamelCase or proto names), enums as integers and 64-bit integers as strings all follow
/// the standard mapping.
/// </summary>
internal static class OtlpJson
{
    private static readonly JsonParser Parser = new(JsonParser.Settings.Default.WithIgnoreUnknownFields(true));
    private static readonly HashSet<string> IdFields = new(StringComparer.Ordinal) { "traceId", "spanId", "parentSpanId", "trace_id", "span_id", "parent_span_id" };

    /// <exception cref="FormatException">The body is not OTLP/JSON.</exception>
    public static ExportTraceServiceRequest Parse(ReadOnlySpan<byte> utf8)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(utf8);
        }
        catch (System.Text.Json.JsonException ex)
        {
            throw new FormatException($"the body is not JSON: {ex.Message}", ex);
        }

        if (root is not JsonObject)
        {
            throw new FormatException("the body must be a JSON object with resourceSpans");
        }

        HexIdsToBase64(root);
        try
        {
            return Parser.Parse<ExportTraceServiceRequest>(root.ToJsonString());
        }
        catch (InvalidProtocolBufferException ex)
        {
            throw new FormatException(ex.Message, ex);
        }
    }

    private static void HexIdsToBase64(JsonNode node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, value) in obj.ToList())
                {
                    if (IdFields.Contains(name) && value is JsonValue v && v.TryGetValue<string>(out var hex) && hex.Length > 0)
                    {
                        obj[name] = Convert.ToBase64String(FromHex(name, hex));
                    }
                    else if (value is not null && !name.Equals("attributes", StringComparison.Ordinal))
                    {
                        HexIdsToBase64(value);
                    }
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    if (item is not null)
                    {
                        HexIdsToBase64(item);
                    }
                }

                break;
        }
    }

    private static byte[] FromHex(string field, string hex)
    {
        try
        {
            return Convert.FromHexString(hex);
        }
        catch (FormatException)
        {
            throw new FormatException($"{field} must be a hex string (OTLP/JSON encodes ids in hex), was '{(hex.Length > 40 ? hex[..40] + "…" : hex)}'");
        }
    }
}
