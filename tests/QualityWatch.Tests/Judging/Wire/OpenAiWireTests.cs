using System.Text.Json;
using QualityWatch.Judging;
using QualityWatch.Judging.OpenAi;
using QualityWatch.Judging.OpenAi.Wire;

namespace QualityWatch.Tests.Judging.Wire;

public sealed class OpenAiWireTests
{
    [Fact]
    public void ChatRequest_IsSnakeCaseWithTheStrictSchemaInItsOwnCamelCaseNames()
    {
        var body = JsonSerializer.Serialize(OpenAiWire.ChatRequest("gpt-5-mini", "RUBRIC", "SAMPLE", JudgeTiers.Flex), OpenAiJsonContext.Default.ChatRequest);

        WireFixture.AssertSameJson("openai-chat-request.json", body);
    }

    [Fact]
    public void ChatRequest_StandardTier_IsSentAsDefault()
    {
        var request = OpenAiWire.ChatRequest("gpt-5-mini", "RUBRIC", "SAMPLE", JudgeTiers.Standard);

        Assert.Contains("\"service_tier\":\"default\"", JsonSerializer.Serialize(request, OpenAiJsonContext.Default.ChatRequest), StringComparison.Ordinal);
    }

    [Fact]
    public void Reply_ReferenceCompletion_GivesTheVerdictTheServedTierAndUsageWithReasoningApart()
    {
        var outcome = OpenAiJudgeProvider.Read(Parse("openai-reply.json"), JudgeTiers.Standard);

        Assert.Null(outcome.Failure);
        Assert.Equal(4, outcome.Verdict!.Accuracy);
        Assert.Equal(JudgeTiers.Flex, outcome.TierUsed);
        Assert.Equal(new JudgeUsage(PromptTokens: 1500, CachedTokens: 1024, OutputTokens: 44, ThinkingTokens: 256), outcome.Usage);
    }

    [Fact]
    public void Reply_Refusal_IsAnInvalidReplyAndDefaultTierIsStandard()
    {
        var outcome = OpenAiJudgeProvider.Read(Parse("openai-reply-refusal.json"), JudgeTiers.Flex);

        Assert.Equal(JudgeFailureKind.InvalidReply, outcome.Failure);
        Assert.Equal("the model refused", outcome.Error);
        Assert.Equal(1500, outcome.Usage.PromptTokens);
    }

    [Fact]
    public void Reply_LocalServerWithoutTierOrDetails_KeepsTheRequestedTierAndCountsWhatIsThere()
    {
        const string body = """{"choices":[{"message":{"role":"assistant","content":"{\"accuracy\":2,\"tone\":3,\"hallucination\":true,\"unsupported_claims\":[\"x\"],\"reason\":\"r\"}"},"finish_reason":"stop"}],"usage":{"prompt_tokens":70,"completion_tokens":20,"total_tokens":90}}""";

        var outcome = OpenAiJudgeProvider.Read(JsonSerializer.Deserialize(body, OpenAiJsonContext.Default.ChatCompletion)!, JudgeTiers.Flex);

        Assert.True(outcome.Verdict!.Hallucination);
        Assert.Equal(JudgeTiers.Flex, outcome.TierUsed);
        Assert.Equal(new JudgeUsage(70, 0, 20, 0), outcome.Usage);
    }

    private static ChatCompletion Parse(string fixture) => JsonSerializer.Deserialize(WireFixture.Read(fixture), OpenAiJsonContext.Default.ChatCompletion)!;
}
