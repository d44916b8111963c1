using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Options;
using QualityWatch.Judging.Gemini.Wire;

namespace QualityWatch.Judging.Gemini;

/// <summary>Gemini <c>v1beta/models/{model}:generateContent</c> with structured output, service tier and the rubric cache.</summary>
internal sealed class GeminiJudgeProvider(
    IHttpClientFactory httpFactory,
    IOptions<JudgeOptions> options,
    Rubric rubric,
    GeminiContextCache cache,
    TimeProvider time) : IJudgeProvider
{
    public string Name => JudgeProviders.Gemini;

    public string Model { get; } = options.Value.ResolvedModel;

    public Task<JudgeOutcome> JudgeAsync(SampleForJudging sample, string tier, CancellationToken cancellationToken) =>
        JudgeHttp.GuardAsync(async () =>
        {
            var cacheName = await cache.GetAsync(cancellationToken);
            var body = GeminiWire.GenerateRequest(rubric.Text, Rubric.SampleText(sample), cacheName, tier);
            using var client = httpFactory.CreateClient(JudgeHttp.ClientName);
            using var response = await client.PostAsync($"v1beta/models/{Model}:generateContent", JudgeHttp.Json(body, GeminiJsonContext.Default.GenerateContentRequest), cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                var failure = await JudgeHttp.FailureAsync(response, time.GetUtcNow(), cancellationToken);
                if (cacheName is not null && response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden)
                {
                    // The API answers 403/404 for a cache that expired or was deleted behind our back.
                    cache.Invalidate(cacheName);
                    return failure with { Failure = JudgeFailureKind.CacheMissing };
                }

                return failure;
            }

            var tierUsed = response.Headers.TryGetValues("x-gemini-service-tier", out var served) ? served.First() : tier;
            string? answer, problem;
            JudgeUsage usage;
            try
            {
                (answer, problem, usage) = GeminiReply.Read(await response.Content.ReadAsStringAsync(cancellationToken));
            }
            catch (JsonException ex)
            {
                return JudgeOutcome.Failed(JudgeFailureKind.InvalidReply, $"response body is not JSON ({ex.Message})");
            }

            if (problem is not null)
            {
                return JudgeOutcome.Failed(JudgeFailureKind.InvalidReply, problem, usage: usage);
            }

            return VerdictParser.TryParse(answer, out var verdict, out var error)
                ? JudgeOutcome.Success(verdict!, usage, tierUsed.ToLowerInvariant())
                : JudgeOutcome.Failed(JudgeFailureKind.InvalidReply, error!, usage: usage);
        });
}
