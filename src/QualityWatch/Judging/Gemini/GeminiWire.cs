using System.Text.Json.Nodes;

namespace QualityWatch.Judging.Gemini;

/// <summary>Builds Gemini v1beta request bodies (camelCase, as the reference requires).</summary>
internal static class GeminiWire
{
    public static JsonObject Text(string text) => new() { ["parts"] = new JsonArray(new JsonObject { ["text"] = text }) };

    public static JsonObject UserContent(string text)
    {
        var content = Text(text);
        content["role"] = "user";
        return content;
    }

    public static JsonObject GenerateRequest(string rubric, string sampleText, string? cachedContent, string tier) => new()
    {
        ["contents"] = new JsonArray(UserContent(sampleText)),

        // With an explicit cache the rubric lives in the cache: the API refuses systemInstruction beside cachedContent.
        ["systemInstruction"] = cachedContent is null ? Text(rubric) : null,
        ["cachedContent"] = cachedContent,
        ["generationConfig"] = new JsonObject
        {
            ["temperature"] = 0,
            ["responseMimeType"] = "application/json",
            ["responseJsonSchema"] = VerdictParser.Schema(withRanges: true),
        },
        ["serviceTier"] = tier,
    };

    public static JsonObject CreateCache(string model, string rubric, string displayName, TimeSpan ttl) => new()
    {
        ["model"] = $"models/{model}",
        ["displayName"] = displayName,
        ["systemInstruction"] = Text(rubric),
        ["ttl"] = Duration(ttl),
    };

    public static string Duration(TimeSpan value) => $"{(long)Math.Ceiling(value.TotalSeconds)}s";
}
