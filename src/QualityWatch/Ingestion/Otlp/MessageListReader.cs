using System.Buffers;
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
        // The attribute arrived as a string, so it is UTF-8 again for the reader; a pooled buffer, not a new array per list.
        var buffer = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(json.Length));
        try
        {
            var reader = new Utf8JsonReader(buffer.AsSpan(0, Encoding.UTF8.GetBytes(json, buffer)));
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
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static bool TryReadMessage(ref Utf8JsonReader reader, out ChatTurn? turn)
    {
        turn = null;
        string role = "user";
        var text = new MessageText();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("role"u8))
            {
                reader.Read();
                // The common roles as constants: a new string per message for one of four words is waste.
                role = reader.ValueTextEquals("user"u8) ? "user" : reader.ValueTextEquals("assistant"u8) ? "assistant" : reader.ValueTextEquals("system"u8) ? "system" : reader.GetString() ?? "user";
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

        if (text.Value is { } value)
        {
            turn = new ChatTurn(role, value);
        }

        return reader.TokenType == JsonTokenType.EndObject;
    }

    private static bool TryReadParts(ref Utf8JsonReader reader, MessageText text)
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
                text.Add(content);
            }
            else if (type is not ("text" or null))
            {
                return false;
            }
        }

        return reader.TokenType == JsonTokenType.EndArray;
    }
}
