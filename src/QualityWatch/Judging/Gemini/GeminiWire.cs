using QualityWatch.Judging.Gemini.Wire;

namespace QualityWatch.Judging.Gemini;

/// <summary>Builds Gemini v1beta request bodies.</summary>
internal static class GeminiWire
{
    public static Content Text(string text) => new([new Part(text)]);

    public static Content UserContent(string text) => new([new Part(text)], "user");

    /// <remarks>
    /// tier: Null for a batch line: the batch itself is the tier.
    /// </remarks>
    public static GenerateContentRequest GenerateRequest(string rubric, string sampleText, string? cachedContent, string? tier) => new(
        [UserContent(sampleText)],

        // With an explicit cache the rubric lives in the cache: the API refuses systemInstruction beside cachedContent.
        cachedContent is null ? Text(rubric) : null,
        cachedContent,
        new GenerationConfig(0, "application/json", VerdictParser.Schema(withRanges: true)),
        tier);

    public static CreateCachedContentRequest CreateCache(string model, string rubric, string displayName, TimeSpan ttl) =>
        new($"models/{model}", displayName, Text(rubric), Duration(ttl));

    public static string Duration(TimeSpan value) => $"{(long)Math.Ceiling(value.TotalSeconds)}s";
}
