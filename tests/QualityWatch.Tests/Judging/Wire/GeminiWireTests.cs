using System.Text.Json;
using QualityWatch.Judging;
using QualityWatch.Judging.Gemini;
using QualityWatch.Judging.Gemini.Wire;

namespace QualityWatch.Tests.Judging.Wire;

public sealed class GeminiWireTests
{
    [Fact]
    public void GenerateRequest_WithoutCache_CarriesTheRubricAsSystemInstructionAndNoCachedContent()
    {
        var body = JsonSerializer.Serialize(GeminiWire.GenerateRequest("RUBRIC", "SAMPLE", null, JudgeTiers.Flex), GeminiJsonContext.Default.GenerateContentRequest);

        WireFixture.AssertSameJson("gemini-generate-request.json", body);
    }

    [Fact]
    public void GenerateRequest_WithCache_NamesTheCacheAndOmitsSystemInstruction()
    {
        var body = JsonSerializer.Serialize(
            GeminiWire.GenerateRequest("RUBRIC", "SAMPLE", "cachedContents/rubric-v2", JudgeTiers.Standard), GeminiJsonContext.Default.GenerateContentRequest);

        WireFixture.AssertSameJson("gemini-generate-request-cached.json", body);
    }

    [Fact]
    public void GenerateRequest_AsABatchLine_HasNoServiceTierAndNoCache()
    {
        var body = JsonSerializer.Serialize(GeminiWire.GenerateRequest("RUBRIC", "SAMPLE", null, null), GeminiJsonContext.Default.GenerateContentRequest);

        WireFixture.AssertSameJson("gemini-batch-line.json", body);
    }

    [Fact]
    public void CreateCache_IsModelDisplayNameRubricAndTtlInWholeSeconds()
    {
        var body = JsonSerializer.Serialize(
            GeminiWire.CreateCache("gemini-2.5-flash", "RUBRIC", "qualitywatch-rubric-v2", TimeSpan.FromMinutes(59.999)), GeminiJsonContext.Default.CreateCachedContentRequest);

        WireFixture.AssertSameJson("gemini-create-cache.json", body);
    }

    [Fact]
    public void Reply_ReferenceResponse_SkipsThoughtPartsAndReadsUsage()
    {
        var (text, problem, usage) = GeminiReply.Read(WireFixture.Read("gemini-reply.json"));

        Assert.Null(problem);
        Assert.Equal("""{"accuracy":4,"tone":5,"hallucination":false,"unsupported_claims":[],"reason":"matches the source"}""", text);
        Assert.Equal(new JudgeUsage(PromptTokens: 8, CachedTokens: 0, OutputTokens: 11, ThinkingTokens: 829), usage);
        Assert.True(VerdictParser.TryParse(text, out var verdict, out _));
        Assert.Equal(4, verdict!.Accuracy);
    }

    [Fact]
    public void Reply_BlockedPrompt_IsAProblemNamingTheBlockReason_WithInt64CountsReadFromStrings()
    {
        var (text, problem, usage) = GeminiReply.Read(WireFixture.Read("gemini-reply-blocked.json"));

        Assert.Null(text);
        Assert.Equal("no candidates (blockReason SAFETY)", problem);
        Assert.Equal(1200, usage.PromptTokens);
    }

    [Fact]
    public void Reply_FinishReasonOtherThanStop_IsAProblem()
    {
        const string body = """{"candidates":[{"content":{"role":"model","parts":[{"text":"{\"accura"}]},"finishReason":"MAX_TOKENS"}],"usageMetadata":{"promptTokenCount":10,"candidatesTokenCount":3}}""";

        var (text, problem, usage) = GeminiReply.Read(body);

        Assert.Null(text);
        Assert.Equal("finishReason MAX_TOKENS", problem);
        Assert.Equal(3, usage.OutputTokens);
    }

    [Fact]
    public void Reply_NotAResponseObject_ThrowsJsonException() =>
        Assert.ThrowsAny<JsonException>(() => GeminiReply.Read("""["not","a","response"]"""));
}
