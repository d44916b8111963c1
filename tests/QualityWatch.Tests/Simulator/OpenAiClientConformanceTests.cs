using System.ClientModel;
using System.ClientModel.Primitives;
using System.Text.Json;
using OpenAI;
using OpenAI.Chat;
using QualityWatch.Simulator;
using QualityWatch.Simulator.Faults;
using QualityWatch.Simulator.Stats;

namespace QualityWatch.Tests.Simulator;

/// <summary>The official OpenAI .NET client, unmodified, talks to the simulator as to api.openai.com.</summary>
public sealed class OpenAiClientConformanceTests
{
    private const string Key = "sk-sim-conformance-0123456789";

    [Fact]
    public async Task OfficialClient_JsonSchemaChat_ReadsVerdictUsageAndCachedTokens()
    {
        await using var sim = await JudgeSimulator.StartAsync(new SimulatorOptions { OpenAiApiKey = Key });
        var chat = Client(sim);
        var rubric = SimWire.Tokens(1300, 'r');
        var options = new ChatCompletionOptions
        {
            Temperature = 0,
            ResponseFormat = ChatResponseFormat.CreateJsonSchemaFormat(
                "verdict", BinaryData.FromString(SimWire.VerdictSchema().ToJsonString()), jsonSchemaIsStrict: true),
        };

        var first = (await chat.CompleteChatAsync(
            [new SystemChatMessage(rubric), new UserChatMessage("Response: fine.")], options)).Value;
        var second = (await chat.CompleteChatAsync(
            [new SystemChatMessage(rubric), new UserChatMessage("Response: it was delivered to the moon. [[hallucination]] [[accuracy=2]]")], options)).Value;

        Assert.Equal(ChatFinishReason.Stop, second.FinishReason);
        Assert.Equal(ChatMessageRole.Assistant, second.Role);
        Assert.Equal(SimWire.OpenAiModel, second.Model);
        var verdict = JsonDocument.Parse(second.Content[0].Text).RootElement;
        Assert.True(verdict.GetProperty("hallucination").GetBoolean());
        Assert.Equal(2, verdict.GetProperty("accuracy").GetInt32());
        Assert.Equal("Response: it was delivered to the moon", verdict.GetProperty("unsupported_claims")[0].GetString());

        Assert.Equal(0, first.Usage.InputTokenDetails.CachedTokenCount);
        Assert.Equal(1280, second.Usage.InputTokenDetails.CachedTokenCount);
        Assert.Equal(sim.Stats.Records[1].PromptTokens, second.Usage.InputTokenCount);
        Assert.Equal(SimWire.CountTokens(second.Content[0].Text), second.Usage.OutputTokenCount);
        Assert.Equal(second.Usage.InputTokenCount + second.Usage.OutputTokenCount, second.Usage.TotalTokenCount);
        Assert.Equal(0, second.Usage.OutputTokenDetails.ReasoningTokenCount);
        Assert.Equal(2, sim.Stats.Count(EndpointKind.ChatCompletions));
    }

    [Fact]
    public async Task OfficialClient_TooManyRequests_SurfacesClientResultException429()
    {
        await using var sim = await JudgeSimulator.StartAsync(new SimulatorOptions { OpenAiApiKey = Key });
        sim.Faults.Enqueue(SimulatedFault.TooManyRequests(retryDelay: TimeSpan.FromSeconds(2)));
        var chat = Client(sim);

        var ex = await Assert.ThrowsAsync<ClientResultException>(() => chat.CompleteChatAsync([new UserChatMessage("hi")]));

        Assert.Equal(429, ex.Status);
        var raw = ex.GetRawResponse()!;
        Assert.True(raw.Headers.TryGetValue("retry-after", out var retryAfter));
        Assert.Equal("2", retryAfter);
        Assert.Equal("rate_limit_exceeded", JsonDocument.Parse(raw.Content.ToString()).RootElement.GetProperty("error").GetProperty("code").GetString());
    }

    [Fact]
    public async Task OfficialClient_WrongKey_SurfacesClientResultException401()
    {
        await using var sim = await JudgeSimulator.StartAsync(new SimulatorOptions { OpenAiApiKey = Key });
        var chat = new ChatClient(SimWire.OpenAiModel, new ApiKeyCredential("sk-wrong"), Options(sim));

        var ex = await Assert.ThrowsAsync<ClientResultException>(() => chat.CompleteChatAsync([new UserChatMessage("hi")]));

        Assert.Equal(401, ex.Status);
    }

    private static ChatClient Client(JudgeSimulator sim) => new(SimWire.OpenAiModel, new ApiKeyCredential(Key), Options(sim));

    // No client-side retries: the test sees exactly what the simulator answered.
    private static OpenAIClientOptions Options(JudgeSimulator sim) => new()
    {
        Endpoint = new Uri(sim.BaseAddress, "v1"),
        RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
    };
}
