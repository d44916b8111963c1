using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using QualityWatch.Simulator.Faults;
using QualityWatch.Simulator.Judging;
using QualityWatch.Simulator.OpenAi.Wire;
using QualityWatch.Simulator.Stats;
using QualityWatch.Simulator.Tokens;
using QualityWatch.Simulator.Wire;

namespace QualityWatch.Simulator.OpenAi;

/// <summary><c>POST /v1/chat/completions</c>, the OpenAI-compatible judge.</summary>
internal sealed class ChatCompletionsEndpoint(
    SimulatorOptions options,
    SimulatorFaults faults,
    SimulatorStats stats,
    JudgeResponder responder,
    TimeProvider time)
{
    // OpenAI caches prompts of at least 1024 tokens, in 128-token steps.
    private const int MinCachedPrompt = 1024;
    private const int CacheStep = 128;
    private readonly PrefixCache promptCache = new(time, options.PrefixCacheWindow);

    public async Task HandleAsync(HttpContext context)
    {
        var arrived = time.GetUtcNow();
        stats.Received(EndpointKind.ChatCompletions, arrived);
        if (CheckKey(context.Request) is { } denied)
        {
            await responder.RejectAsync(context, EndpointKind.ChatCompletions, arrived, "", null, denied);
            return;
        }

        var (body, malformed) = await JsonBody.ReadAsync(context);
        var (request, invalid) = malformed is null
            ? ChatRequestParser.Parse(body)
            : (null, OpenAiErrors.BadRequest(
                "We could not parse the JSON body of your request. (HINT: This likely means you aren't using your HTTP library correctly. " +
                "The OpenAI API expects a JSON payload, but what was sent was not valid JSON.)"));
        if (request is null)
        {
            await responder.RejectAsync(context, EndpointKind.ChatCompletions, arrived, JsonFields.String(body?["model"]) ?? "", null, invalid!);
            return;
        }

        var served = faults.ServeTier(request.Tier, ChatTiers.Priority, ChatTiers.Default);
        var call = new JudgeCall(EndpointKind.ChatCompletions, arrived, request.Model, request.TierRequested, served, served == ChatTiers.Flex,
            TokenCounter.Count(request.Texts), null, request.UserText);
        await responder.RespondAsync(context, call, d => Fail(d, call), text => Answer(call, request, text));
    }

    private static WireReply Fail(FaultDecision decision, JudgeCall call) => decision.Kind switch
    {
        FaultKind.TooManyRequests => OpenAiErrors.RateLimited(call.Model, decision.RetryDelay),
        FaultKind.DailyQuotaExhausted => OpenAiErrors.InsufficientQuota(),
        FaultKind.ServiceUnavailable => call.Flex ? OpenAiErrors.FlexUnavailable() : OpenAiErrors.Overloaded(),
        _ => OpenAiErrors.ServerError(),
    };

    private JudgeAnswer Answer(JudgeCall call, ChatRequest request, string text)
    {
        var shared = TokenCounter.CountWhole(request.PromptText.AsSpan(0, promptCache.MatchAndRemember(request.PromptText)));
        var cached = call.PromptTokens >= MinCachedPrompt && shared >= MinCachedPrompt
            ? Math.Min(shared, call.PromptTokens) / CacheStep * CacheStep
            : 0;
        var reasoning = request.Reasoning ? options.ThinkingTokens : 0;
        var completion = TokenCounter.Count(text) + reasoning;
        var response = new ChatCompletion(
            "chatcmpl-" + RandomNumberGenerator.GetString("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", 29),
            "chat.completion",
            time.GetUtcNow().ToUnixTimeSeconds(),
            request.Model,
            [new ChatChoice(0, new AssistantMessage("assistant", text, null, []), null, "stop")],
            new ChatUsage(call.PromptTokens, completion, call.PromptTokens + completion,
                new PromptTokensDetails(cached, 0), new CompletionTokensDetails(reasoning, 0, 0, 0)),
            call.TierServed,
            "fp_qwsim01");
        var body = JsonSerializer.SerializeToUtf8Bytes(response, OpenAiJsonContext.Wire.ChatCompletion);
        return new JudgeAnswer(new WireReply(StatusCodes.Status200OK, body).WithHeader("x-request-id", "req_" + Guid.NewGuid().ToString("N")), cached);
    }

    private WireReply? CheckKey(HttpRequest request)
    {
        if (string.IsNullOrEmpty(options.OpenAiApiKey))
        {
            return null;
        }

        var header = request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) || header.Length <= 7)
        {
            return OpenAiErrors.MissingKey();
        }

        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(header[7..].Trim()), Encoding.UTF8.GetBytes(options.OpenAiApiKey))
            ? null
            : OpenAiErrors.WrongKey();
    }
}
