using System.Globalization;
using System.Text.Json.Nodes;
using Google.Protobuf.Collections;
using QualityWatch.Ingestion.Otlp.Proto;

namespace QualityWatch.Ingestion.Otlp;

/// <summary>
/// Attribute lookups over OTLP key-values: the last value of a key wins, as in the SDKs. A lookup scans the list
/// from its end instead of building a dictionary: a span carries a handful of attributes and the mapper asks for
/// a few keys, so hashing every key of every span into a new dictionary cost more than the scans (bench/RESULTS.md,
/// "OTLP ingest").
/// </summary>
internal sealed class OtlpAttributes(RepeatedField<KeyValue> attributes)
{
    public bool Has(string key) => Find(key) is not null;

    /// <summary>The value as text: strings as they are, numbers and booleans in invariant form, structures as JSON.</summary>
    public string? String(string key) => Find(key) is { } v ? Text(v) : null;

    public long? Long(string key) => Find(key) is { } v
        ? v.ValueCase switch
        {
            AnyValue.ValueOneofCase.IntValue => v.IntValue,
            AnyValue.ValueOneofCase.DoubleValue => (long)v.DoubleValue,
            AnyValue.ValueOneofCase.StringValue when long.TryParse(v.StringValue, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) => n,
            _ => null,
        }
        : null;

    /// <summary>The value when it is a string attribute, else null.</summary>
    public string? RawString(string key) =>
        Find(key) is { ValueCase: AnyValue.ValueOneofCase.StringValue } v ? v.StringValue : null;

    /// <summary>A structured value as JSON; a string holding JSON (how most SDKs send message lists) is parsed.</summary>
    public JsonNode? Json(string key)
    {
        if (Find(key) is not { } v)
        {
            return null;
        }

        if (v.ValueCase == AnyValue.ValueOneofCase.StringValue)
        {
            try
            {
                return JsonNode.Parse(v.StringValue);
            }
            catch (System.Text.Json.JsonException)
            {
                return JsonValue.Create(v.StringValue);
            }
        }

        return ToJson(v);
    }

    /// <summary>Keys with a prefix, e.g. <c>gen_ai.prompt.</c>, with the rest of the key.</summary>
    /// <remarks>In the order sent, so a caller that keeps the last value of a repeated key keeps the one that wins.</remarks>
    public IEnumerable<(string Suffix, string? Value)> WithPrefix(string prefix) =>
        attributes.Where(kv => kv.Value is not null && kv.Key.StartsWith(prefix, StringComparison.Ordinal)).Select(kv => (kv.Key[prefix.Length..], Text(kv.Value)));

    private AnyValue? Find(string key)
    {
        for (var i = attributes.Count - 1; i >= 0; i--)
        {
            var kv = attributes[i];
            if (kv.Value is not null && string.Equals(kv.Key, key, StringComparison.Ordinal))
            {
                return kv.Value;
            }
        }

        return null;
    }

    private static string? Text(AnyValue v) => v.ValueCase switch
    {
        AnyValue.ValueOneofCase.StringValue => v.StringValue,
        AnyValue.ValueOneofCase.BoolValue => v.BoolValue ? "true" : "false",
        AnyValue.ValueOneofCase.IntValue => v.IntValue.ToString(CultureInfo.InvariantCulture),
        AnyValue.ValueOneofCase.DoubleValue => v.DoubleValue.ToString(CultureInfo.InvariantCulture),
        AnyValue.ValueOneofCase.None => null,
        _ => ToJson(v)?.ToJsonString(),
    };

    private static JsonNode? ToJson(AnyValue v) => v.ValueCase switch
    {
        AnyValue.ValueOneofCase.StringValue => JsonValue.Create(v.StringValue),
        AnyValue.ValueOneofCase.BoolValue => JsonValue.Create(v.BoolValue),
        AnyValue.ValueOneofCase.IntValue => JsonValue.Create(v.IntValue),
        AnyValue.ValueOneofCase.DoubleValue => JsonValue.Create(v.DoubleValue),
        AnyValue.ValueOneofCase.BytesValue => JsonValue.Create(Convert.ToBase64String(v.BytesValue.Span)),
        AnyValue.ValueOneofCase.ArrayValue => new JsonArray([.. v.ArrayValue.Values.Select(ToJson)]),
        AnyValue.ValueOneofCase.KvlistValue => ToJson(v.KvlistValue),
        _ => null,
    };

    private static JsonObject ToJson(KeyValueList list)
    {
        // Assigned one by one: a repeated key overwrites instead of throwing, as for top-level attributes.
        var obj = new JsonObject();
        foreach (var kv in list.Values)
        {
            obj[kv.Key] = kv.Value is null ? null : ToJson(kv.Value);
        }

        return obj;
    }
}
