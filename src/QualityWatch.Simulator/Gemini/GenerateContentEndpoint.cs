using System.Text.Json;
using System.Text.Json.Nodes;
using QualityWatch.Simulator.Faults;
using QualityWatch.Simulator.Gemini.Wire;
using QualityWatch.Simulator.Judging;
using QualityWatch.Simulator.Stats;
using QualityWatch.Simulator.Tokens;
using QualityWatch.Simulator.Verdicts;
using QualityWatch.Simulator.Wire;

namespace QualityWatch.Simulator.Gemini;

/// <summary><c>POST /v1beta/models/{model}:generateContent</c>.</summary>
internal sealed class GenerateContentEndpoint(
    SimulatorOptions options,
    CacheStore caches,
    SimulatorFaults faults,
    SimulatorStats stats,
    JudgeResponder responder,
    ErringJudge judge,
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

        stats.Instructed(request.SystemTexts);
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

    /// <summary>
    /// One request of a batch job: the same validation, verdict, usage and scripted faults as a live
    /// call, billed at the batch rate, answered as the batch output's <c>response</c> or <c>error</c>.
    /// </summary>
    internal JsonObject Evaluate(string model, JsonNode? body)
    {
        var arrived = time.GetUtcNow();
        var (request, invalid) = GenerateContentParser.Parse(body);
        if (request is null)
        {
            return ErrorItem(invalid!);
        }

        var cache = request.CachedContent is { } name ? caches.Find(name) : null;
        if (request.CachedContent is not null && cache is null)
        {
            return ErrorItem(GoogleErrors.NotFound($"CachedContent not found (or permission denied): {request.CachedContent}"));
        }

        var decision = faults.Decide(ServiceTiers.Standard, flex: false);
        var promptTokens = (cache?.TotalTokenCount ?? 0) + TokenCounter.Count(request.SystemTexts) + TokenCounter.Count(request.ContentTexts);
        var call = new JudgeCall(EndpointKind.BatchItem, arrived, model, null, ServiceTiers.Batch, false, promptTokens, cache?.Name, request.UserText);
        if (decision.Kind is FaultKind.TooManyRequests or FaultKind.DailyQuotaExhausted or FaultKind.ServiceUnavailable or FaultKind.InternalError or FaultKind.Hang)
        {
            var error = decision.Kind == FaultKind.Hang ? GoogleErrors.Internal() : Fail(decision);
            stats.Answered(new RequestRecord(arrived, EndpointKind.BatchItem, model, null, ServiceTiers.Batch, error.StatusCode, promptTokens, 0, cache?.Name, decision.Kind, decision.Cause), null);
            return ErrorItem(error);
        }

        var truth = VerdictMarkers.Read(request.UserText);
        var verdict = judge.Answer(truth, model, request.UserText);
        if (decision.Kind == FaultKind.None)
        {
            stats.Judged(new JudgedTruth(TextKey.Of(request.UserText), model, truth.Hallucination, verdict.Hallucination));
        }

        var text = decision.Kind switch
        {
            FaultKind.MalformedReply => VerdictText.Malformed(verdict),
            FaultKind.WrongShapeVerdict => VerdictText.WrongShape(verdict, decision.JudgeError),
            _ => VerdictText.Of(verdict),
        };
        var answer = Answer(call, request, cache, text);
        stats.Answered(
            new RequestRecord(arrived, EndpointKind.BatchItem, model, null, ServiceTiers.Batch, 200, promptTokens, answer.CachedTokens, cache?.Name, decision.Kind, decision.Cause),
            TextKey.Of(request.UserText));
        return new JsonObject { ["response"] = JsonNode.Parse(answer.Reply.Body) };
    }

    private static JsonObject ErrorItem(WireReply reply) => new() { ["error"] = JsonNode.Parse(reply.Body)!["error"]!.DeepClone() };

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
        stats.Bill(call.TierServed, call.PromptTokens, cached, candidates + thoughts, options.Prices);
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
