using System.Text.Json;
using Microsoft.Extensions.Options;
using QualityWatch.Judging.OpenAi.Wire;

namespace QualityWatch.Judging.OpenAi;

/// <summary>
/// Any OpenAI-compatible <c>chat/completions</c> endpoint: strict json_schema output, service_tier,
/// usage with cached prompt tokens. Relies on the provider's automatic prefix caching: the
/// rubric is always the identical leading system message.
/// </summary>
internal sealed class OpenAiJudgeProvider(IHttpClientFactory httpFactory, IOptions<JudgeOptions> options, Rubric rubric, TimeProvider time) : IJudgeProvider
{
    public string Name => JudgeProviders.OpenAi;

    public string Model { get; } = options.Value.ResolvedModel;

    public Task<JudgeOutcome> JudgeAsync(SampleForJudging sample, string tier, CancellationToken cancellationToken) =>
        JudgeHttp.GuardAsync(async () =>
        {
            using var client = httpFactory.CreateClient(JudgeHttp.ClientName);
            using var response = await client.PostAsync("chat/completions", JudgeHttp.Json(OpenAiWire.ChatRequest(Model, rubric.Text, Rubric.SampleText(sample), tier), OpenAiJsonContext.Default.ChatRequest), cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                return await JudgeHttp.FailureAsync(response, time.GetUtcNow(), cancellationToken);
            }

            try
            {
                var reply = JsonSerializer.Deserialize(await response.Content.ReadAsStringAsync(cancellationToken), OpenAiJsonContext.Default.ChatCompletion);
                return Read(reply ?? throw new JsonException("the body is null"), tier);
            }
            catch (JsonException ex)
            {
                return JudgeOutcome.Failed(JudgeFailureKind.InvalidReply, $"response body is not JSON ({ex.Message})");
            }
        });

    /// <summary>The judged verdict of a completion, or why there is none.</summary>
    internal static JudgeOutcome Read(ChatCompletion reply, string tier)
    {
        var usage = Usage(reply.Usage);
        var served = reply.ServiceTier ?? tier;
        var tierUsed = served is "default" or "auto" ? JudgeTiers.Standard : served;
        if (reply.Choices is not { Count: > 0 } choices)
        {
            return JudgeOutcome.Failed(JudgeFailureKind.InvalidReply, "no choices", usage: usage);
        }

        var choice = choices[0];
        if (choice.Message?.Refusal is not null)
        {
            return JudgeOutcome.Failed(JudgeFailureKind.InvalidReply, "the model refused", usage: usage);
        }

        if (choice.FinishReason is { } finish && finish != "stop")
        {
            return JudgeOutcome.Failed(JudgeFailureKind.InvalidReply, $"finish_reason {finish}", usage: usage);
        }

        return VerdictParser.TryParse(choice.Message?.Content, out var verdict, out var error)
            ? JudgeOutcome.Success(verdict!, usage, tierUsed)
            : JudgeOutcome.Failed(JudgeFailureKind.InvalidReply, error!, usage: usage);
    }

    // completion_tokens includes reasoning tokens; store them apart, as Gemini reports them.
    private static JudgeUsage Usage(ChatUsage? usage)
    {
        if (usage is null)
        {
            return default;
        }

        var reasoning = usage.CompletionTokensDetails?.ReasoningTokens ?? 0;
        return new JudgeUsage(usage.PromptTokens ?? 0, usage.PromptTokensDetails?.CachedTokens ?? 0, (usage.CompletionTokens ?? 0) - reasoning, reasoning);
    }
}
