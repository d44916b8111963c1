using System.Text;
using System.Text.Json;

namespace QualityWatch.Judging.Gemini;

/// <summary>Reads a generateContent response: the answer text (thought parts skipped) and usageMetadata.</summary>
internal static class GeminiReply
{
    public static (string? Text, string? Problem, JudgeUsage Usage) Read(string body)
    {
        using var document = JsonDocument.Parse(body);
        var root = document.RootElement;
        var usage = Usage(root);
        if (!root.TryGetProperty("candidates", out var candidates) || candidates.GetArrayLength() == 0)
        {
            var blocked = root.TryGetProperty("promptFeedback", out var feedback) && feedback.TryGetProperty("blockReason", out var reason)
                ? reason.GetString()
                : "none";
            return (null, $"no candidates (blockReason {blocked})", usage);
        }

        var candidate = candidates[0];
        var finish = candidate.TryGetProperty("finishReason", out var f) ? f.GetString() : null;
        if (finish is not null && finish != "STOP")
        {
            return (null, $"finishReason {finish}", usage);
        }

        var text = new StringBuilder();
        if (candidate.TryGetProperty("content", out var content) && content.TryGetProperty("parts", out var parts))
        {
            foreach (var part in parts.EnumerateArray())
            {
                var thought = part.TryGetProperty("thought", out var t) && t.ValueKind == JsonValueKind.True;
                if (!thought && part.TryGetProperty("text", out var piece))
                {
                    text.Append(piece.GetString());
                }
            }
        }

        return (text.ToString(), null, usage);
    }

    private static JudgeUsage Usage(JsonElement root)
    {
        if (!root.TryGetProperty("usageMetadata", out var usage))
        {
            return default;
        }

        return new JudgeUsage(
            Number(usage, "promptTokenCount"),
            Number(usage, "cachedContentTokenCount"),
            Number(usage, "candidatesTokenCount"),
            Number(usage, "thoughtsTokenCount"));
    }

    // Proto3 JSON may carry int64 as strings; int32 counts come as numbers. Accept both.
    private static long Number(JsonElement parent, string name) =>
        !parent.TryGetProperty(name, out var value) ? 0
        : value.ValueKind == JsonValueKind.Number ? value.GetInt64()
        : long.TryParse(value.GetString(), out var parsed) ? parsed : 0;
}
