using System.Diagnostics;
using System.Net;
using System.Text.Json;
using QualityWatch.Simulator;
using QualityWatch.Simulator.Faults;
using QualityWatch.Tests.Support;

namespace QualityWatch.Tests.Simulator;

/// <summary>Every fault kind on generateContent produces the documented status and google.rpc.Status body.</summary>
public sealed class GeminiFaultTests
{
    [Fact]
    public async Task TooManyRequests_WithDelay_Is429WithQuotaFailureHelpAndRetryInfo()
    {
        await using var sim = await JudgeSimulator.StartAsync();
        sim.Faults.Enqueue(SimulatedFault.TooManyRequests(retryDelay: TimeSpan.FromSeconds(2)));
        using var client = sim.Client();

        var response = await client.PostJsonAsync(SimWire.GeneratePath(), SimWire.GeminiRequest("x"));

        var error = await GeminiValidationTests.AssertErrorAsync(response, HttpStatusCode.TooManyRequests, "RESOURCE_EXHAUSTED");
        Assert.Equal(["QuotaFailure", "Help", "RetryInfo"], SimWire.DetailTypes(error));
        Assert.Equal("2s", SimWire.Detail(error, "RetryInfo").GetProperty("retryDelay").GetString());
        var violation = SimWire.Detail(error, "QuotaFailure").GetProperty("violations")[0];
        Assert.Contains("PerMinute", violation.GetProperty("quotaId").GetString(), StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(violation.GetProperty("quotaMetric").GetString()));
        Assert.StartsWith("https://", SimWire.Detail(error, "Help").GetProperty("links")[0].GetProperty("url").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TooManyRequests_WithoutDelay_HasNoRetryInfo()
    {
        await using var sim = await JudgeSimulator.StartAsync();
        sim.Faults.Enqueue(SimulatedFault.TooManyRequests());
        using var client = sim.Client();

        var response = await client.PostJsonAsync(SimWire.GeneratePath(), SimWire.GeminiRequest("x"));

        var error = await GeminiValidationTests.AssertErrorAsync(response, HttpStatusCode.TooManyRequests, "RESOURCE_EXHAUSTED");
        Assert.DoesNotContain("RetryInfo", SimWire.DetailTypes(error));
    }

    [Fact]
    public async Task DailyQuotaExhausted_Is429WithPerDayQuotaIdAndNoRetryInfo()
    {
        await using var sim = await JudgeSimulator.StartAsync();
        sim.Faults.Enqueue(SimulatedFault.DailyQuotaExhausted());
        using var client = sim.Client();

        var response = await client.PostJsonAsync(SimWire.GeneratePath(), SimWire.GeminiRequest("x"));

        var error = await GeminiValidationTests.AssertErrorAsync(response, HttpStatusCode.TooManyRequests, "RESOURCE_EXHAUSTED");
        Assert.DoesNotContain("RetryInfo", SimWire.DetailTypes(error));
        Assert.Contains("PerDay", SimWire.Detail(error, "QuotaFailure").GetProperty("violations")[0].GetProperty("quotaId").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(FaultKind.ServiceUnavailable, HttpStatusCode.ServiceUnavailable, "UNAVAILABLE")]
    [InlineData(FaultKind.InternalError, HttpStatusCode.InternalServerError, "INTERNAL")]
    public async Task ServerFaults_HaveTheirStatus(FaultKind kind, HttpStatusCode status, string rpcStatus)
    {
        await using var sim = await JudgeSimulator.StartAsync();
        sim.Faults.Enqueue(kind == FaultKind.ServiceUnavailable ? SimulatedFault.ServiceUnavailable() : SimulatedFault.InternalError());
        using var client = sim.Client();

        var response = await client.PostJsonAsync(SimWire.GeneratePath(), SimWire.GeminiRequest("x", tier: "flex"));

        await GeminiValidationTests.AssertErrorAsync(response, status, rpcStatus);
        var record = Assert.Single(sim.Stats.Records);
        Assert.Equal(((int)status, kind, FaultCause.Scripted), (record.StatusCode, record.Fault, record.FaultCause));
    }

    [Fact]
    public async Task MalformedReply_Is200WithCandidateTextThatIsNotJson()
    {
        await using var sim = await JudgeSimulator.StartAsync();
        sim.Faults.Enqueue(SimulatedFault.MalformedReply());
        using var client = sim.Client();

        var response = await client.PostJsonAsync(SimWire.GeneratePath(), SimWire.GeminiRequest("x"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = SimWire.CandidateText(await response.BodyAsync());
        Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(text));
    }

    [Fact]
    public async Task ScriptedFaults_ApplyOnePerRequestInOrder()
    {
        await using var sim = await JudgeSimulator.StartAsync();
        sim.Faults.Enqueue(SimulatedFault.InternalError(), SimulatedFault.ServiceUnavailable(), SimulatedFault.TooManyRequests());
        using var client = sim.Client();

        var statuses = new List<int>();
        for (var i = 0; i < 4; i++)
        {
            statuses.Add((int)(await client.PostJsonAsync(SimWire.GeneratePath(), SimWire.GeminiRequest("x"))).StatusCode);
        }

        Assert.Equal([500, 503, 429, 200], statuses);
        Assert.Equal(0, sim.Faults.PendingScripted);
    }

    [Fact]
    public async Task Hang_NeverAnswersUntilTheClientGivesUp_ThenTheNextRequestIsServed()
    {
        await using var sim = await JudgeSimulator.StartAsync();
        sim.Faults.Enqueue(SimulatedFault.Hang());
        using var client = sim.Client();

        // The client gives up once the simulator is seen hanging its request, not after a fixed timeout:
        // on a loaded machine a short timeout fired before the request had even reached the simulator, so
        // the hang went to the next request, and the next request's own answer could take longer than it.
        using var giveUp = new CancellationTokenSource();
        var hung = client.PostJsonAsync(SimWire.GeneratePath(), SimWire.GeminiRequest("x"), cancellationToken: giveUp.Token);
        Assert.True(await Eventually.TrueAsync(() => sim.Stats.Waiting == 1 || hung.IsCompleted, TimeSpan.FromSeconds(30)), "the request never reached the simulator");
        Assert.False(hung.IsCompleted, "the simulator answered a request it was scripted to hang");
        await giveUp.CancelAsync();
        await Assert.ThrowsAsync<TaskCanceledException>(() => hung);
        var next = await client.PostJsonAsync(SimWire.GeneratePath(), SimWire.GeminiRequest("x"));

        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
        Assert.Equal([0, 200], sim.Stats.Records.Select(r => r.StatusCode));
    }

    [Fact]
    public async Task Hang_DoesNotBlockShutdown_AndTheClientSeesADroppedConnection()
    {
        var sim = await JudgeSimulator.StartAsync();
        sim.Faults.HangRate = 1;
        using var client = sim.Client();
        var pending = client.PostJsonAsync(SimWire.GeneratePath(), SimWire.GeminiRequest("x"));
        Assert.True(await Eventually.TrueAsync(() => sim.Stats.Records.Count > 0), "the request never reached the simulator");

        var stopwatch = Stopwatch.StartNew();
        await sim.DisposeAsync();

        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(3), $"shutdown took {stopwatch.Elapsed}");
        await Assert.ThrowsAsync<HttpRequestException>(() => pending);
    }

    [Fact]
    public async Task Rates_AllOne_ProduceTheirFaults_AndFlexSheddingOnlyOnFlex()
    {
        await using var sim = await JudgeSimulator.StartAsync();
        using var client = sim.Client();

        sim.Faults.Rate503Flex = 1;
        var standard = await client.PostJsonAsync(SimWire.GeneratePath(), SimWire.GeminiRequest("x", tier: "standard"));
        var flex = await client.PostJsonAsync(SimWire.GeneratePath(), SimWire.GeminiRequest("x", tier: "flex"));
        sim.Faults.Rate503Flex = 0;
        sim.Faults.Rate500 = 1;
        var internalError = await client.PostJsonAsync(SimWire.GeneratePath(), SimWire.GeminiRequest("x"));
        sim.Faults.Rate500 = 0;
        sim.Faults.Rate429 = 1;
        sim.Faults.RetryDelay = TimeSpan.FromMilliseconds(1500);
        var tooMany = await client.PostJsonAsync(SimWire.GeneratePath(), SimWire.GeminiRequest("x"));
        sim.Faults.Rate429 = 0;
        sim.Faults.MalformedRate = 1;
        var malformed = await client.PostJsonAsync(SimWire.GeneratePath(), SimWire.GeminiRequest("x"));

        Assert.Equal(HttpStatusCode.OK, standard.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, flex.StatusCode);
        Assert.Equal(HttpStatusCode.InternalServerError, internalError.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, tooMany.StatusCode);
        var retry = SimWire.Detail((await tooMany.BodyAsync()).GetProperty("error"), "RetryInfo");
        Assert.Equal("1.500s", retry.GetProperty("retryDelay").GetString());
        var malformedText = SimWire.CandidateText(await malformed.BodyAsync());
        Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(malformedText));
        Assert.All(sim.Stats.Records.Skip(1), r => Assert.Equal(FaultCause.Random, r.FaultCause));
    }

    [Fact]
    public async Task Rates_SameSeed_GiveTheSameFaultSequence()
    {
        async Task<int[]> RunAsync()
        {
            await using var sim = await JudgeSimulator.StartAsync(new SimulatorOptions { Faults = { Rate500 = 0.5, Seed = 42 } });
            using var client = sim.Client();
            var statuses = new int[20];
            for (var i = 0; i < statuses.Length; i++)
            {
                statuses[i] = (int)(await client.PostJsonAsync(SimWire.GeneratePath(), SimWire.GeminiRequest("x"))).StatusCode;
            }

            return statuses;
        }

        var first = await RunAsync();
        var second = await RunAsync();

        Assert.Equal(first, second);
        Assert.Contains(500, first);
        Assert.Contains(200, first);
    }
}
