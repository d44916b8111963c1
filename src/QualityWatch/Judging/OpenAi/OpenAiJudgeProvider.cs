using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

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
            using var response = await client.PostAsync("chat/completions", JudgeHttp.Json(Request(sample, tier)), cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                return await JudgeHttp.FailureAsync(response, time.GetUtcNow(), cancellationToken);
            }

            try
            {
                using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
                return Read(document.RootElement, tier);
            }
            catch (JsonException ex)
            {
                return JudgeOutcome.Failed(JudgeFailureKind.InvalidReply, $"response body is not JSON ({ex.Message})");
            }
        });

    private JsonObject Request(SampleForJudging sample, string tier) => new()
    {
        ["model"] = Model,
        ["messages"] = new JsonArray(
            new JsonObject { ["role"] = "system", ["content"] = rubric.Text },
            new JsonObject { ["role"] = "user", ["content"] = Rubric.SampleText(sample) }),
        ["temperature"] = 0,
        ["response_format"] = new JsonObject
        {
            ["type"] = "json_schema",
            ["json_schema"] = new JsonObject { ["name"] = "verdict", ["strict"] = true, ["schema"] = VerdictParser.Schema(withRanges: false) },
        },
        ["service_tier"] = tier == JudgeTiers.Standard ? "default" : tier,
    };

    private static JudgeOutcome Read(JsonElement root, string tier)
    {
        var usage = Usage(root);
        var served = root.TryGetProperty("service_tier", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString()! : tier;
        var tierUsed = served is "default" or "auto" ? JudgeTiers.Standard : served;
        if (!root.TryGetProperty("choices", out var choices) || choices.GetArrayLength() == 0)
        {
            return JudgeOutcome.Failed(JudgeFailureKind.InvalidReply, "no choices", usage: usage);
        }

        var choice = choices[0];
        var finish = choice.TryGetProperty("finish_reason", out var f) ? f.GetString() : null;
        var message = choice.GetProperty("message");
        if (message.TryGetProperty("refusal", out var refusal) && refusal.ValueKind == JsonValueKind.String)
        {
            return JudgeOutcome.Failed(JudgeFailureKind.InvalidReply, "the model refused", usage: usage);
        }

        if (finish is not null && finish != "stop")
        {
            return JudgeOutcome.Failed(JudgeFailureKind.InvalidReply, $"finish_reason {finish}", usage: usage);
        }

        var content = message.TryGetProperty("content", out var c) ? c.GetString() : null;
        return VerdictParser.TryParse(content, out var verdict, out var error)
            ? JudgeOutcome.Success(verdict!, usage, tierUsed)
            : JudgeOutcome.Failed(JudgeFailureKind.InvalidReply, error!, usage: usage);
    }

    private static JudgeUsage Usage(JsonElement root)
    {
        if (!root.TryGetProperty("usage", out var usage) || usage.ValueKind != JsonValueKind.Object)
        {
            return default;
        }

        // completion_tokens includes reasoning tokens; store them apart, as Gemini reports them.
        var reasoning = Nested(usage, "completion_tokens_details", "reasoning_tokens");
        return new JudgeUsage(Number(usage, "prompt_tokens"), Nested(usage, "prompt_tokens_details", "cached_tokens"), Number(usage, "completion_tokens") - reasoning, reasoning);
    }

    private static long Nested(JsonElement usage, string parent, string name) =>
        usage.TryGetProperty(parent, out var details) && details.ValueKind == JsonValueKind.Object ? Number(details, name) : 0;

    private static long Number(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetInt64() : 0;
}
