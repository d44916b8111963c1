using System.Text.Json.Nodes;
using QualityWatch.Simulator.Wire;

namespace QualityWatch.Simulator.Gemini;

/// <summary>The text parts of Gemini <c>Content</c> objects; other part kinds carry no text tokens here.</summary>
internal static class ContentTexts
{
    /// <summary>Text of every part of one Content (systemInstruction or a contents item); null if it is not a Content.</summary>
    public static List<string>? Of(JsonNode? content)
    {
        if (content is not JsonObject obj || obj["parts"] is not JsonArray parts)
        {
            return content is JsonObject { Count: 0 } ? [] : null;
        }

        var texts = new List<string>();
        foreach (var part in parts)
        {
            if (part is not JsonObject partObject)
            {
                return null;
            }

            // Thought parts are the model's own; they are not prompt text.
            if (JsonFields.String(partObject["text"]) is { } text && partObject["thought"]?.GetValueKind() != System.Text.Json.JsonValueKind.True)
            {
                texts.Add(text);
            }
        }

        return texts;
    }

    /// <summary>The role of a contents item: user (also when absent) or model; anything else is invalid.</summary>
    public static string? Role(JsonNode? content) =>
        JsonFields.String(content?["role"]) switch
        {
            null or "" or "user" => "user",
            "model" => "model",
            _ => null,
        };
}
