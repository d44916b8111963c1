using System.Text.Json;
using QualityWatch.Simulator.Faults;
using QualityWatch.Simulator.Gemini.Wire;
using QualityWatch.Simulator.Judging;
using QualityWatch.Simulator.Stats;
using QualityWatch.Simulator.Tokens;
using QualityWatch.Simulator.Wire;

namespace QualityWatch.Simulator.Gemini;

/// <summary><c>POST /v1beta/models/{model}:generateContent</c>.</summary>
internal sealed class GenerateContentEndpoint(
    SimulatorOptions options,
    CacheStore caches,
    SimulatorFaults faults,
    SimulatorStats stats,
    JudgeResponder responder,
    TimeProvider time)
{
    private const string Method = "generateContent";
    private readonly PrefixCache implicitCache = new(time, options.PrefixCacheWindow);

    public async Task HandleAsync(HttpContext context, string modelAndMethod)
    {
        var arrived = time.GetUtcNow();
        stats.Received(EndpointKind.GenerateContent, arrived);
        var colon = modelAndMethod.LastIndexOf(':');
        var model = colon > 0 ? modelAndMethod[..colon] : modelAndMethod;
        if (colon <= 0 || modelAndMethod[(colon + 1)..] != Method)
        {
            await Reject(GoogleErrors.NotFound($"Method not found: models/{modelAndMethod}. The simulator serves only :{Method}."));
            return;
        }

        if (GeminiAuth.Check(context.Request, options) is { } denied)
        {
            await Reject(denied);
            return;
        }

        var (body, malformed) = await JsonBody.ReadAsync(context);
        var (request, invalid) = malformed is null
            ? GenerateContentParser.Parse(body)
            : (null, GoogleErrors.InvalidArgument("Invalid JSON payload received. " + malformed));
        if (request is null)
        {
            await Reject(invalid!, null);
            return;
        }

        CachedContentEntry? cache = null;
        if (request.CachedContent is { } name)
        {
            cache = caches.Find(name);
            var error = cache is null
                ? GoogleErrors.NotFound($"CachedContent not found (or permission denied): {name}")
                : cache.Model != $"models/{model}"
                    ? GoogleErrors.InvalidArgument($"Model used by GenerateContent request (models/{model}) and CachedContent ({cache.Model}) has to be the same.")
                    : null;
            if (error is not null)
            {
                await Reject(error, request.TierRequested);
                return;
            }
        }

        var served = faults.ServeTier(request.Tier, ServiceTiers.Priority, ServiceTiers.Standard);
        var promptTokens = (cache?.TotalTokenCount ?? 0) + TokenCounter.Count(request.SystemTexts) + TokenCounter.Count(request.ContentTexts);
        var call = new JudgeCall(EndpointKind.GenerateContent, arrived, model, request.TierRequested, served, served == ServiceTiers.Flex,
            promptTokens, cache?.Name, request.UserText);
        await responder.RespondAsync(context, call, Fail, text => Answer(call, request, cache, text));

        Task Reject(WireReply reply, string? tier = null) =>
            responder.RejectAsync(context, EndpointKind.GenerateContent, arrived, model, tier, reply);
    }

    private static WireReply Fail(FaultDecision decision) => decision.Kind switch
    {
        FaultKind.TooManyRequests => GoogleErrors.PerMinuteQuota(decision.RetryDelay),
        FaultKind.DailyQuotaExhausted => GoogleErrors.DailyQuota(),
        FaultKind.ServiceUnavailable => GoogleErrors.Unavailable(),
        _ => GoogleErrors.Internal(),
    };

    private JudgeAnswer Answer(JudgeCall call, GenerateContentRequest request, CachedContentEntry? cache, string text)
    {
        var cached = cache?.TotalTokenCount ?? ImplicitHit(request.LeadingText, call.PromptTokens);
        var candidates = TokenCounter.Count(text);
        var thoughts = request.Thinking ? Math.Min(options.ThinkingTokens, request.ThinkingBudget is > 0 and var b ? b : int.MaxValue) : 0;
        var usage = new UsageMetadata(
            call.PromptTokens,
            candidates,
            call.PromptTokens + candidates + thoughts,
            cached > 0 ? cached : null,
            thoughts > 0 ? thoughts : null,
            [new ModalityTokenCount("TEXT", call.PromptTokens)],
            cached > 0 ? [new ModalityTokenCount("TEXT", cached)] : null);
        var response = new GenerateContentResponse(
            [new Candidate(new Content([new Part(text)], "model"), "STOP", 0)],
            usage,
            call.Model,
            Convert.ToBase64String(Guid.NewGuid().ToByteArray()).TrimEnd('=').Replace('+', '-').Replace('/', '_'));
        var body = JsonSerializer.SerializeToUtf8Bytes(response, GeminiJsonContext.Wire.GenerateContentResponse);
        return new JudgeAnswer(new WireReply(StatusCodes.Status200OK, body).WithHeader("x-gemini-service-tier", call.TierServed), cached);
    }

    /// <summary>Implicit caching: the leading text's prefix shared with a recent request, when it is at least MinCacheTokens.</summary>
    private int ImplicitHit(string leadingText, int promptTokens)
    {
        var shared = implicitCache.MatchAndRemember(leadingText);
        var tokens = Math.Min(TokenCounter.CountWhole(leadingText.AsSpan(0, shared)), promptTokens);
        return tokens >= options.MinCacheTokens && tokens > 0 ? tokens : 0;
    }
}
