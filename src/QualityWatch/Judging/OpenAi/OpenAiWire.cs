using QualityWatch.Judging.OpenAi.Wire;

namespace QualityWatch.Judging.OpenAi;

/// <summary>Builds <c>chat/completions</c> request bodies.</summary>
internal static class OpenAiWire
{
    /// <remarks>
    /// tier: A <see cref="JudgeTiers"/> value; standard is OpenAI's <c>default</c>.
    /// </remarks>
    public static ChatRequest ChatRequest(string model, string rubric, string sampleText, string tier) => new(
        model,
        [new ChatMessage("system", rubric), new ChatMessage("user", sampleText)],
        0,
        new ResponseFormat("json_schema", new JsonSchemaFormat("verdict", true, VerdictParser.Schema(withRanges: false))),
        tier == JudgeTiers.Standard ? "default" : tier);
}
