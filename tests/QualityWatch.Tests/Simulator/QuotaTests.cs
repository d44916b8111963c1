using System.Net;
using Microsoft.Extensions.Time.Testing;
using QualityWatch.Simulator;
using QualityWatch.Simulator.Faults;

namespace QualityWatch.Tests.Simulator;

/// <summary>The per-minute sliding window and the per-UTC-day quota, on a fake clock.</summary>
public sealed class QuotaTests
{
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task RequestsPerMinuteLimit_SlidesOver60Seconds_AndAdvisesTheWait()
    {
        await using var sim = await JudgeSimulator.StartAsync(new SimulatorOptions { TimeProvider = time, Faults = { RequestsPerMinuteLimit = 3 } });
        using var client = sim.Client();

        var statuses = new List<HttpStatusCode>();
        foreach (var step in new[] { 0, 20, 20 })
        {
            time.Advance(TimeSpan.FromSeconds(step));
            statuses.Add((await SendAsync(client)).StatusCode);
        }

        time.Advance(TimeSpan.FromSeconds(19));
        var refused = await SendAsync(client);
        time.Advance(TimeSpan.FromSeconds(1));
        var admitted = await SendAsync(client);

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
        var error = await GeminiValidationTests.AssertErrorAsync(refused, HttpStatusCode.TooManyRequests, "RESOURCE_EXHAUSTED");
        Assert.Equal("1s", SimWire.Detail(error, "RetryInfo").GetProperty("retryDelay").GetString());
        Assert.Equal(HttpStatusCode.OK, admitted.StatusCode);
        Assert.Equal(FaultCause.RequestsPerMinuteLimit, sim.Stats.Records[3].FaultCause);
        Assert.Equal(4, sim.Stats.MaxRequestsInWindow(TimeSpan.FromSeconds(60)));
    }

    [Fact]
    public async Task RequestsPerMinuteLimit_CountsChatRequestsToo_AsOpenAiRateLimit()
    {
        await using var sim = await JudgeSimulator.StartAsync(new SimulatorOptions { TimeProvider = time });
        sim.Faults.RequestsPerMinuteLimit = 1;
        using var client = sim.Client();

        var first = await client.PostJsonAsync("v1/chat/completions", SimWire.ChatRequest("x"));
        time.Advance(TimeSpan.FromSeconds(45));
        var second = await client.PostJsonAsync("v1/chat/completions", SimWire.ChatRequest("x"));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var error = await ChatCompletionsTests.AssertErrorAsync(second, HttpStatusCode.TooManyRequests, "requests");
        Assert.Equal("rate_limit_exceeded", error.GetProperty("code").GetString());
        Assert.Equal("15", Assert.Single(second.Headers.GetValues("retry-after")));
    }

    [Fact]
    public async Task DailyQuota_RefusesUntilTheNextUtcDay()
    {
        time.SetUtcNow(new DateTimeOffset(2026, 3, 2, 23, 59, 0, TimeSpan.Zero));
        await using var sim = await JudgeSimulator.StartAsync(new SimulatorOptions { TimeProvider = time, Faults = { DailyRequestQuota = 2 } });
        using var client = sim.Client();

        var today = new[] { await SendAsync(client), await SendAsync(client), await SendAsync(client) };
        time.Advance(TimeSpan.FromSeconds(59));
        var lastSecond = await SendAsync(client);
        time.Advance(TimeSpan.FromSeconds(1));
        var tomorrow = await SendAsync(client);

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], today.Select(r => r.StatusCode));
        var error = await GeminiValidationTests.AssertErrorAsync(today[2], HttpStatusCode.TooManyRequests, "RESOURCE_EXHAUSTED");
        Assert.Contains("PerDay", SimWire.Detail(error, "QuotaFailure").GetProperty("violations")[0].GetProperty("quotaId").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("RetryInfo", SimWire.DetailTypes(error));
        Assert.Equal(HttpStatusCode.TooManyRequests, lastSecond.StatusCode);
        Assert.Equal(HttpStatusCode.OK, tomorrow.StatusCode);
        Assert.Equal(FaultCause.DailyQuota, sim.Stats.Records[2].FaultCause);
    }

    [Fact]
    public async Task DailyQuota_OnChat_IsInsufficientQuota()
    {
        await using var sim = await JudgeSimulator.StartAsync(new SimulatorOptions { TimeProvider = time });
        sim.Faults.DailyRequestQuota = 0;
        using var client = sim.Client();

        var response = await client.PostJsonAsync("v1/chat/completions", SimWire.ChatRequest("x"));

        var error = await ChatCompletionsTests.AssertErrorAsync(response, HttpStatusCode.TooManyRequests, "insufficient_quota");
        Assert.Equal("insufficient_quota", error.GetProperty("code").GetString());
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient client) =>
        client.PostJsonAsync(SimWire.GeneratePath(), SimWire.GeminiRequest("x"));
}
