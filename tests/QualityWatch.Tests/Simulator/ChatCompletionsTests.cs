using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using QualityWatch.Simulator;

namespace QualityWatch.Tests.Simulator;

/// <summary>The OpenAI chat.completion object field by field, tiers, prefix caching and error bodies.</summary>
public sealed class ChatCompletionsTests
{
    private const string Key = "sk-sim-test-0123456789";
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task Chat_Response_HasChatCompletionShapeFieldByField()
    {
        await using var sim = await JudgeSimulator.StartAsync(new SimulatorOptions { TimeProvider = time });
        using var client = sim.Client();
        var user = "Response: it shipped. [[accuracy=4]]";

        var response = await client.PostJsonAsync("v1/chat/completions", SimWire.ChatRequest(user));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.BodyAsync();
        Assert.Equal(["choices", "created", "id", "model", "object", "service_tier", "system_fingerprint", "usage"], SimWire.Names(body));
        Assert.StartsWith("chatcmpl-", body.GetProperty("id").GetString(), StringComparison.Ordinal);
        Assert.Equal("chat.completion", body.GetProperty("object").GetString());
        Assert.Equal(time.GetUtcNow().ToUnixTimeSeconds(), body.GetProperty("created").GetInt64());
        Assert.Equal(SimWire.OpenAiModel, body.GetProperty("model").GetString());
        Assert.Equal("default", body.GetProperty("service_tier").GetString());
        Assert.Equal(JsonValueKind.String, body.GetProperty("system_fingerprint").ValueKind);

        var choice = Assert.Single(body.GetProperty("choices").EnumerateArray());
        Assert.Equal(["finish_reason", "index", "logprobs", "message"], SimWire.Names(choice));
        Assert.Equal("stop", choice.GetProperty("finish_reason").GetString());
        var message = choice.GetProperty("message");
        Assert.Equal("assistant", message.GetProperty("role").GetString());
        Assert.Equal(JsonValueKind.Null, message.GetProperty("refusal").ValueKind);
        var content = message.GetProperty("content").GetString()!;
        Assert.Equal(4, JsonDocument.Parse(content).RootElement.GetProperty("accuracy").GetInt32());

        var usage = body.GetProperty("usage");
        var prompt = SimWire.CountTokens(SimWire.System) + SimWire.CountTokens(user);
        var completion = SimWire.CountTokens(content);
        Assert.Equal(["completion_tokens", "completion_tokens_details", "prompt_tokens", "prompt_tokens_details", "total_tokens"], SimWire.Names(usage));
        Assert.Equal(prompt, usage.GetProperty("prompt_tokens").GetInt32());
        Assert.Equal(completion, usage.GetProperty("completion_tokens").GetInt32());
        Assert.Equal(prompt + completion, usage.GetProperty("total_tokens").GetInt32());
        Assert.Equal(0, usage.GetProperty("prompt_tokens_details").GetProperty("cached_tokens").GetInt32());
        Assert.Equal(0, usage.GetProperty("completion_tokens_details").GetProperty("reasoning_tokens").GetInt32());
    }

    [Theory]
    [InlineData(null, "default")]
    [InlineData("auto", "default")]
    [InlineData("default", "default")]
    [InlineData("flex", "flex")]
    [InlineData("priority", "priority")]
    public async Task Chat_ServiceTier_ReportsTheTierUsed(string? requested, string used)
    {
        await using var sim = await JudgeSimulator.StartAsync();
        using var client = sim.Client();

        var body = await (await client.PostJsonAsync("v1/chat/completions", SimWire.ChatRequest("hi", tier: requested))).BodyAsync();

        Assert.Equal(used, body.GetProperty("service_tier").GetString());
        Assert.Equal(1, sim.Stats.ServedTiers[used]);
    }

    [Fact]
    public async Task Chat_ReasoningEffort_ReportsReasoningTokensInsideCompletionTokens()
    {
        await using var sim = await JudgeSimulator.StartAsync(new SimulatorOptions { ThinkingTokens = 40 });
        using var client = sim.Client();
        var request = SimWire.ChatRequest("hi");
        request["reasoning_effort"] = "low";

        var body = await (await client.PostJsonAsync("v1/chat/completions", request)).BodyAsync();

        var usage = body.GetProperty("usage");
        Assert.Equal(40, usage.GetProperty("completion_tokens_details").GetProperty("reasoning_tokens").GetInt32());
        Assert.Equal(SimWire.CountTokens(SimWire.MessageContent(body)) + 40, usage.GetProperty("completion_tokens").GetInt32());
    }

    [Theory]
    [InlineData(1100, 1024)]
    [InlineData(1300, 1280)]
    [InlineData(1000, 0)]
    public async Task Chat_SharedPrefix_ReportsCachedTokensIn128Steps(int systemTokens, int expectedCached)
    {
        await using var sim = await JudgeSimulator.StartAsync(new SimulatorOptions { TimeProvider = time });
        using var client = sim.Client();
        var system = SimWire.Tokens(systemTokens);

        var first = await CachedAsync(client, system, "Xfirst sample");
        var second = await CachedAsync(client, system, "Ysecond sample");

        Assert.Equal(0, first);
        Assert.Equal(expectedCached, second);
    }

    [Fact]
    public async Task Chat_SharedPrefixAfterWindow_IsNotCached()
    {
        await using var sim = await JudgeSimulator.StartAsync(new SimulatorOptions { TimeProvider = time });
        using var client = sim.Client();
        var system = SimWire.Tokens(1300);

        await CachedAsync(client, system, "Xone");
        time.Advance(TimeSpan.FromMinutes(6));

        Assert.Equal(0, await CachedAsync(client, system, "Ytwo"));
    }

    [Theory]
    [InlineData(null, "invalid_request_error", null)]
    [InlineData("wrong", "invalid_request_error", "invalid_api_key")]
    public async Task Chat_MissingOrWrongKey_Is401InOpenAiErrorShape(string? bearer, string type, string? code)
    {
        await using var sim = await JudgeSimulator.StartAsync(new SimulatorOptions { OpenAiApiKey = Key });
        using var client = sim.Client();

        var response = await client.PostJsonAsync("v1/chat/completions", SimWire.ChatRequest("hi"), bearer: bearer);

        var error = await AssertErrorAsync(response, HttpStatusCode.Unauthorized, type);
        Assert.Equal(code, error.GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.OK, (await client.PostJsonAsync("v1/chat/completions", SimWire.ChatRequest("hi"), bearer: Key)).StatusCode);
    }

    [Theory]
    [InlineData("""{"model":"m","messages":[{"role":"user","content":"x"}],"foo":1}""", null)]
    [InlineData("""{"messages":[{"role":"user","content":"x"}]}""", null)]
    [InlineData("""{"model":"m"}""", "messages")]
    [InlineData("""{"model":"m","messages":[]}""", "messages")]
    [InlineData("""{"model":"m","messages":[{"role":"robot","content":"x"}]}""", "messages[0].role")]
    [InlineData("""{"model":"m","messages":[{"role":"user","content":"x"}],"service_tier":"turbo"}""", "service_tier")]
    [InlineData("""{"model":"m","messages":[{"role":"user","content":"x"}],"response_format":{"type":"json_schema","json_schema":{"schema":{}}}}""", "response_format.json_schema.name")]
    [InlineData("""{"model":"m","messages":[{"role":"user","content":"x"}],"stream":true}""", "stream")]
    [InlineData("""{"model":""" + "\"m\"", null)]
    public async Task Chat_InvalidBody_Is400InvalidRequestError(string json, string? param)
    {
        await using var sim = await JudgeSimulator.StartAsync();
        using var client = sim.Client();

        var response = await client.SendJsonAsync(HttpMethod.Post, "v1/chat/completions", json);

        var error = await AssertErrorAsync(response, HttpStatusCode.BadRequest, "invalid_request_error");
        Assert.Equal(param, error.GetProperty("param").GetString());
    }

    [Fact]
    public async Task Chat_ContentAsPartsArray_IsReadLikeAString()
    {
        await using var sim = await JudgeSimulator.StartAsync();
        using var client = sim.Client();
        var request = SimWire.ChatRequest("ignored", system: null);
        request["messages"]![0]!["content"] = new JsonArray(new JsonObject { ["type"] = "text", ["text"] = "abcdabcd [[tone=2]]" });

        var body = await (await client.PostJsonAsync("v1/chat/completions", request)).BodyAsync();

        Assert.Equal(2, JsonDocument.Parse(SimWire.MessageContent(body)).RootElement.GetProperty("tone").GetInt32());
        Assert.Equal(SimWire.CountTokens("abcdabcd [[tone=2]]"), body.GetProperty("usage").GetProperty("prompt_tokens").GetInt32());
    }

    internal static async Task<JsonElement> AssertErrorAsync(HttpResponseMessage response, HttpStatusCode status, string type)
    {
        Assert.Equal(status, response.StatusCode);
        var body = await response.BodyAsync();
        Assert.Equal(["error"], SimWire.Names(body));
        var error = body.GetProperty("error");
        Assert.Equal(["code", "message", "param", "type"], SimWire.Names(error));
        Assert.Equal(type, error.GetProperty("type").GetString());
        Assert.False(string.IsNullOrEmpty(error.GetProperty("message").GetString()));
        return error;
    }

    private static async Task<int> CachedAsync(HttpClient client, string system, string user)
    {
        var response = await client.PostJsonAsync("v1/chat/completions", SimWire.ChatRequest(user, system: system));
        response.EnsureSuccessStatusCode();
        return (await response.BodyAsync()).GetProperty("usage").GetProperty("prompt_tokens_details").GetProperty("cached_tokens").GetInt32();
    }
}
