using System.Net;
using System.Text.Json;
using QualityWatch.Simulator;
using QualityWatch.Simulator.Faults;

namespace QualityWatch.Tests.Simulator;

/// <summary>Every fault kind on chat completions produces OpenAI's status, error type/code and headers.</summary>
public sealed class OpenAiFaultTests
{
    [Fact]
    public async Task TooManyRequests_Is429RateLimitExceededWithRetryAfter()
    {
        await using var sim = await JudgeSimulator.StartAsync();
        sim.Faults.Enqueue(SimulatedFault.TooManyRequests(retryDelay: TimeSpan.FromMilliseconds(2500)));
        using var client = sim.Client();

        var response = await client.PostJsonAsync("v1/chat/completions", SimWire.ChatRequest("x"));

        var error = await ChatCompletionsTests.AssertErrorAsync(response, HttpStatusCode.TooManyRequests, "requests");
        Assert.Equal("rate_limit_exceeded", error.GetProperty("code").GetString());
        Assert.Equal("3", Assert.Single(response.Headers.GetValues("retry-after")));
        Assert.Equal("2500", Assert.Single(response.Headers.GetValues("retry-after-ms")));
    }

    [Fact]
    public async Task DailyQuotaExhausted_Is429InsufficientQuota()
    {
        await using var sim = await JudgeSimulator.StartAsync();
        sim.Faults.Enqueue(SimulatedFault.DailyQuotaExhausted());
        using var client = sim.Client();

        var response = await client.PostJsonAsync("v1/chat/completions", SimWire.ChatRequest("x"));

        var error = await ChatCompletionsTests.AssertErrorAsync(response, HttpStatusCode.TooManyRequests, "insufficient_quota");
        Assert.Equal("insufficient_quota", error.GetProperty("code").GetString());
        Assert.False(response.Headers.Contains("retry-after"));
    }

    [Fact]
    public async Task ServiceUnavailable_OnFlex_Is429ResourceUnavailable_Otherwise503()
    {
        await using var sim = await JudgeSimulator.StartAsync();
        sim.Faults.Enqueue(SimulatedFault.ServiceUnavailable(), SimulatedFault.ServiceUnavailable());
        using var client = sim.Client();

        var flex = await client.PostJsonAsync("v1/chat/completions", SimWire.ChatRequest("x", tier: "flex"));
        var standard = await client.PostJsonAsync("v1/chat/completions", SimWire.ChatRequest("x"));

        var flexError = await ChatCompletionsTests.AssertErrorAsync(flex, HttpStatusCode.TooManyRequests, "server_error");
        Assert.Equal("Resource Unavailable", flexError.GetProperty("message").GetString());
        var overloaded = await ChatCompletionsTests.AssertErrorAsync(standard, HttpStatusCode.ServiceUnavailable, "server_error");
        Assert.Equal("server_is_overloaded", overloaded.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Rate503Flex_ShedsOnlyFlexRequests()
    {
        await using var sim = await JudgeSimulator.StartAsync();
        sim.Faults.Rate503Flex = 1;
        using var client = sim.Client();

        var flex = await client.PostJsonAsync("v1/chat/completions", SimWire.ChatRequest("x", tier: "flex"));
        var priority = await client.PostJsonAsync("v1/chat/completions", SimWire.ChatRequest("x", tier: "priority"));

        Assert.Equal(HttpStatusCode.TooManyRequests, flex.StatusCode);
        Assert.Equal(HttpStatusCode.OK, priority.StatusCode);
    }

    [Fact]
    public async Task InternalError_Is500ServerError()
    {
        await using var sim = await JudgeSimulator.StartAsync();
        sim.Faults.Enqueue(SimulatedFault.InternalError());
        using var client = sim.Client();

        var response = await client.PostJsonAsync("v1/chat/completions", SimWire.ChatRequest("x"));

        await ChatCompletionsTests.AssertErrorAsync(response, HttpStatusCode.InternalServerError, "server_error");
    }

    [Fact]
    public async Task MalformedReply_Is200WithContentThatIsNotJson()
    {
        await using var sim = await JudgeSimulator.StartAsync();
        sim.Faults.MalformedRate = 1;
        using var client = sim.Client();

        var response = await client.PostJsonAsync("v1/chat/completions", SimWire.ChatRequest("x"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var content = SimWire.MessageContent(await response.BodyAsync());
        Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(content));
    }
}
