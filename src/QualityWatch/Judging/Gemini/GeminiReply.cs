using System.Text;
using System.Text.Json;
using QualityWatch.Judging.Gemini.Wire;

namespace QualityWatch.Judging.Gemini;

/// <summary>Reads a generateContent response: the answer text (thought parts skipped) and usageMetadata.</summary>
internal static class GeminiReply
{
    /// <exception cref="JsonException">The body is not a generateContent response.</exception>
    public static (string? Text, string? Problem, JudgeUsage Usage) Read(string body) =>
        Read(JsonSerializer.Deserialize(body, GeminiJsonContext.Default.GenerateContentResponse) ?? throw new JsonException("the body is null"));

    public static (string? Text, string? Problem, JudgeUsage Usage) Read(GenerateContentResponse reply)
    {
        var usage = Usage(reply.UsageMetadata);
        if (reply.Candidates is not { Count: > 0 } candidates)
        {
            return (null, $"no candidates (blockReason {reply.PromptFeedback?.BlockReason ?? "none"})", usage);
        }

        var candidate = candidates[0];
        if (candidate.FinishReason is { } finish && finish != "STOP")
        {
            return (null, $"finishReason {finish}", usage);
        }

        var text = new StringBuilder();
        foreach (var part in candidate.Content?.Parts ?? [])
        {
            if (part.Thought != true)
            {
                text.Append(part.Text);
            }
        }

        return (text.ToString(), null, usage);
    }

    private static JudgeUsage Usage(UsageMetadata? usage) => usage is null
        ? default
        : new JudgeUsage(usage.PromptTokenCount ?? 0, usage.CachedContentTokenCount ?? 0, usage.CandidatesTokenCount ?? 0, usage.ThoughtsTokenCount ?? 0);
}
