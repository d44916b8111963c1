using System.Net;
using System.Text.Json;
using QualityWatch.Simulator;
using QualityWatch.Simulator.Stats;

namespace QualityWatch.Tests.Simulator;

/// <summary>generateContent answers in the Gemini REST shape: names, types, usage arithmetic, served-tier header.</summary>
public sealed class GenerateContentTests
{
    [Fact]
    public async Task GenerateContent_Response_HasGeminiShapeFieldByField()
    {
        await using var sim = await JudgeSimulator.StartAsync();
        using var client = sim.Client();
        var user = "Context: order shipped. Prompt: where is it? Response: it shipped.";

        var response = await client.PostJsonAsync(SimWire.GeneratePath(), SimWire.GeminiRequest(user));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("standard", Assert.Single(response.Headers.GetValues("x-gemini-service-tier")));
        var body = await response.BodyAsync();
        Assert.Equal(["candidates", "modelVersion", "responseId", "usageMetadata"], SimWire.Names(body));
        Assert.Equal(SimWire.GeminiModel, body.GetProperty("modelVersion").GetString());
        Assert.False(string.IsNullOrEmpty(body.GetProperty("responseId").GetString()));

        var candidate = Assert.Single(body.GetProperty("candidates").EnumerateArray());
        Assert.Equal(["content", "finishReason", "index"], SimWire.Names(candidate));
        Assert.Equal("STOP", candidate.GetProperty("finishReason").GetString());
        Assert.Equal(0, candidate.GetProperty("index").GetInt32());
        Assert.Equal("model", candidate.GetProperty("content").GetProperty("role").GetString());
        var part = Assert.Single(candidate.GetProperty("content").GetProperty("parts").EnumerateArray());
        Assert.Equal(["text"], SimWire.Names(part));
        var text = part.GetProperty("text").GetString()!;

        var usage = body.GetProperty("usageMetadata");
        Assert.Equal(["candidatesTokenCount", "promptTokenCount", "promptTokensDetails", "totalTokenCount"], SimWire.Names(usage));
        foreach (var count in usage.EnumerateObject().Where(p => p.Name.EndsWith("Count", StringComparison.Ordinal)))
        {
            Assert.Equal(JsonValueKind.Number, count.Value.ValueKind);
        }

        var prompt = SimWire.CountTokens(SimWire.System) + SimWire.CountTokens(user);
        Assert.Equal(prompt, usage.GetProperty("promptTokenCount").GetInt32());
        Assert.Equal(SimWire.CountTokens(text), usage.GetProperty("candidatesTokenCount").GetInt32());
        Assert.Equal(prompt + SimWire.CountTokens(text), usage.GetProperty("totalTokenCount").GetInt32());
        var modality = Assert.Single(usage.GetProperty("promptTokensDetails").EnumerateArray());
        Assert.Equal("TEXT", modality.GetProperty("modality").GetString());
        Assert.Equal(prompt, modality.GetProperty("tokenCount").GetInt32());
    }

    [Fact]
    public async Task GenerateContent_Verdict_IsExactlyTheFiveFieldObject()
    {
        await using var sim = await JudgeSimulator.StartAsync();
        using var client = sim.Client();

        var body = await (await client.PostJsonAsync(SimWire.GeneratePath(), SimWire.GeminiRequest("Response: all good."))).BodyAsync();

        var verdict = JsonDocument.Parse(SimWire.CandidateText(body)).RootElement;
        Assert.Equal(["accuracy", "hallucination", "reason", "tone", "unsupported_claims"], SimWire.Names(verdict));
        Assert.Equal(JsonValueKind.Number, verdict.GetProperty("accuracy").ValueKind);
        Assert.Equal(JsonValueKind.False, verdict.GetProperty("hallucination").ValueKind);
        Assert.Equal(JsonValueKind.Array, verdict.GetProperty("unsupported_claims").ValueKind);
        Assert.Equal(JsonValueKind.String, verdict.GetProperty("reason").ValueKind);
    }

    [Theory]
    [InlineData(null, 64)]
    [InlineData(-1, 64)]
    [InlineData(10, 10)]
    [InlineData(0, 0)]
    public async Task GenerateContent_Thinking_ReportsThoughtsAndCountsThemInTotal(int? budget, int expectedThoughts)
    {
        await using var sim = await JudgeSimulator.StartAsync(new SimulatorOptions { ThinkingTokens = 64 });
        using var client = sim.Client();
        var request = SimWire.GeminiRequest("Response: fine.", thinkingBudget: budget);

        var usage = (await (await client.PostJsonAsync(SimWire.GeneratePath(), request)).BodyAsync()).GetProperty("usageMetadata");

        var thoughts = usage.TryGetProperty("thoughtsTokenCount", out var t) ? t.GetInt32() : 0;
        Assert.Equal(expectedThoughts, thoughts);
        Assert.Equal(expectedThoughts > 0, usage.TryGetProperty("thoughtsTokenCount", out _));
        Assert.Equal(
            usage.GetProperty("promptTokenCount").GetInt32() + usage.GetProperty("candidatesTokenCount").GetInt32() + thoughts,
            usage.GetProperty("totalTokenCount").GetInt32());
    }

    [Theory]
    [InlineData("flex", "flex")]
    [InlineData("priority", "priority")]
    [InlineData("standard", "standard")]
    [InlineData("unspecified", "standard")]
    [InlineData(null, "standard")]
    public async Task GenerateContent_ServiceTier_IsReportedInHeaderAndStats(string? requested, string served)
    {
        await using var sim = await JudgeSimulator.StartAsync();
        using var client = sim.Client();

        var response = await client.PostJsonAsync(SimWire.GeneratePath(), SimWire.GeminiRequest("Response: ok.", tier: requested));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(served, Assert.Single(response.Headers.GetValues("x-gemini-service-tier")));
        Assert.Equal(1, sim.Stats.ServedTiers[served]);
        var record = Assert.Single(sim.Stats.Records);
        Assert.Equal((requested, served, 200), (record.TierRequested, record.TierServed, record.StatusCode));
    }

    [Fact]
    public async Task GenerateContent_PriorityOverLimit_IsDowngradedToStandard()
    {
        await using var sim = await JudgeSimulator.StartAsync();
        sim.Faults.PriorityDowngradeRate = 1;
        using var client = sim.Client();

        var response = await client.PostJsonAsync(SimWire.GeneratePath(), SimWire.GeminiRequest("Response: ok.", tier: "priority"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("standard", Assert.Single(response.Headers.GetValues("x-gemini-service-tier")));
    }

    [Fact]
    public async Task GenerateContent_SnakeCaseFieldNames_AreAcceptedLikeProto3Json()
    {
        await using var sim = await JudgeSimulator.StartAsync();
        using var client = sim.Client();
        var json = """
            {"system_instruction":{"parts":[{"text":"abcdabcd"}]},
             "contents":[{"role":"user","parts":[{"text":"abcd"}]}],
             "generation_config":{"response_mime_type":"application/json","thinking_config":{"thinking_budget":0}},
             "service_tier":"flex"}
            """;

        var response = await client.SendJsonAsync(HttpMethod.Post, SimWire.GeneratePath(), json);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("flex", Assert.Single(response.Headers.GetValues("x-gemini-service-tier")));
        var usage = (await response.BodyAsync()).GetProperty("usageMetadata");
        Assert.Equal(3, usage.GetProperty("promptTokenCount").GetInt32());
        Assert.False(usage.TryGetProperty("thoughtsTokenCount", out _));
    }

    [Fact]
    public async Task GenerateContent_ExplicitNullFields_CountAsUnset()
    {
        await using var sim = await JudgeSimulator.StartAsync();
        using var client = sim.Client();
        var json = """{"contents":[{"role":"user","parts":[{"text":"abcd"}]}],"systemInstruction":null,"cachedContent":null,"serviceTier":null}""";

        var response = await client.SendJsonAsync(HttpMethod.Post, SimWire.GeneratePath(), json);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("standard", Assert.Single(response.Headers.GetValues("x-gemini-service-tier")));
    }

    [Fact]
    public async Task GenerateContent_CountsRequestsAndDistinctTexts()
    {
        await using var sim = await JudgeSimulator.StartAsync();
        using var client = sim.Client();

        foreach (var text in new[] { "Response: a.", "Response: b.", "Response: a." })
        {
            (await client.PostJsonAsync(SimWire.GeneratePath(), SimWire.GeminiRequest(text))).EnsureSuccessStatusCode();
        }

        Assert.Equal(3, sim.Stats.Count(EndpointKind.GenerateContent));
        Assert.Equal(3, sim.Stats.JudgeRequestTimes.Count);
        Assert.Equal(2, sim.Stats.DistinctJudgedTexts);
        Assert.All(sim.Stats.Records, r => Assert.Equal(SimWire.GeminiModel, r.Model));
    }
}
