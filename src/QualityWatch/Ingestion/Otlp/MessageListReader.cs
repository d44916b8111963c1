using System.Text;
using System.Text.Json;

namespace QualityWatch.Ingestion.Otlp;

/// <summary>
/// The fast path for the common case, a 1.37 message list sent as a JSON string
/// (<c>[{"role":"user","parts":[{"type":"text","content":"…"}]}]</c>): one forward pass with
/// <see cref="Utf8JsonReader"/>, no tree. Anything else in the list makes it give up, and the caller
/// falls back to the general reader.
/// </summary>
internal static class MessageListReader
{
    public static bool TryRead(string json, out List<ChatTurn> turns)
    {
        turns = [];
        var bytes = Encoding.UTF8.GetBytes(json);
        var reader = new Utf8JsonReader(bytes);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray)
            {
                return false;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
            {
                if (!TryReadMessage(ref reader, out var turn))
                {
                    return false;
                }

                if (turn is not null)
                {
                    turns.Add(turn);
                }
            }

            return reader.TokenType == JsonTokenType.EndArray;
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            // Malformed JSON, or a value of another type than the shape has (a numeric role): the general reader decides.
            return false;
        }
    }

    private static bool TryReadMessage(ref Utf8JsonReader reader, out ChatTurn? turn)
    {
        turn = null;
        string role = "user";
        var text = new StringBuilder();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("role"u8))
            {
                reader.Read();
                role = reader.GetString() ?? "user";
            }
            else if (reader.ValueTextEquals("parts"u8))
            {
                reader.Read();
                if (reader.TokenType != JsonTokenType.StartArray || !TryReadParts(ref reader, text))
                {
                    return false;
                }
            }
            else
            {
                // A content field is an older shape the general reader handles; name, finish_reason…: simple values, skipped.
                var content = reader.ValueTextEquals("content"u8);
                reader.Read();
                if (content || reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                {
                    return false;
                }
            }
        }

        if (text.Length > 0)
        {
            turn = new ChatTurn(role, text.ToString());
        }

        return reader.TokenType == JsonTokenType.EndObject;
    }

    private static bool TryReadParts(ref Utf8JsonReader reader, StringBuilder text)
    {
        while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
        {
            string? type = null, content = null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isType = reader.ValueTextEquals("type"u8);
                var isContent = reader.ValueTextEquals("content"u8);
                reader.Read();
                if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                {
                    // Tool calls' arguments, media: not text; the general reader decides what to keep.
                    return false;
                }

                if (isType)
                {
                    type = reader.GetString();
                }
                else if (isContent && reader.TokenType == JsonTokenType.String)
                {
                    content = reader.GetString();
                }
            }

            if (type is "text" or null && !string.IsNullOrEmpty(content))
            {
                text.Append(text.Length > 0 ? "\n" : "").Append(content);
            }
            else if (type is not ("text" or null))
            {
                return false;
            }
        }

        return reader.TokenType == JsonTokenType.EndArray;
    }
}
