using System.Text.Json;
using QualityWatch.Simulator;
using QualityWatch.Simulator.Faults;
using QualityWatch.Simulator.Verdicts;

namespace QualityWatch.Tests.Simulator;

/// <summary>Markers in the judged text decide the verdict; the judge error rate breaks its shape.</summary>
public sealed class VerdictTests
{
    [Theory]
    [InlineData("Response: your order arrives Friday.", 5, 5, false)]
    [InlineData("Response: your order arrives Friday. [[hallucination]]", 5, 5, true)]
    [InlineData("Response: meh. [[accuracy=2]] [[tone=1]]", 2, 1, false)]
    [InlineData("Response: x [[ACCURACY = 3]] [[tone=0]] [[accuracy=9]]", 3, 1, false)]
    [InlineData("Response: x [[accuracy=9]]", 5, 5, false)]
    [InlineData("Response: x [[accuracy=3]] [[accuracy=1]]", 3, 5, false)]
    public async Task GenerateContent_Markers_DecideTheVerdict(string user, int accuracy, int tone, bool hallucination)
    {
        await using var sim = await JudgeSimulator.StartAsync();
        using var client = sim.Client();

        var body = await (await client.PostJsonAsync(SimWire.GeneratePath(), SimWire.GeminiRequest("Rubric first.\n" + user))).BodyAsync();

        var verdict = JsonDocument.Parse(SimWire.CandidateText(body)).RootElement;
        Assert.Equal(accuracy, verdict.GetProperty("accuracy").GetInt32());
        Assert.Equal(tone, verdict.GetProperty("tone").GetInt32());
        Assert.Equal(hallucination, verdict.GetProperty("hallucination").GetBoolean());
        Assert.Equal(hallucination ? 1 : 0, verdict.GetProperty("unsupported_claims").GetArrayLength());
        Assert.False(string.IsNullOrWhiteSpace(verdict.GetProperty("reason").GetString()));
    }

    [Fact]
    public async Task GenerateContent_MarkerInSystemInstruction_IsIgnored()
    {
        await using var sim = await JudgeSimulator.StartAsync();
        using var client = sim.Client();

        var body = await (await client.PostJsonAsync(SimWire.GeneratePath(), SimWire.GeminiRequest("Response: fine.", system: "Example: [[hallucination]]"))).BodyAsync();

        Assert.False(JsonDocument.Parse(SimWire.CandidateText(body)).RootElement.GetProperty("hallucination").GetBoolean());
    }

    [Theory]
    [InlineData("The refund was sent on Monday [[hallucination]] and more text.", "The refund was sent on Monday and more text")]
    [InlineData("Context: none. Response: The refund was sent on Monday. [[hallucination]]", "Response: The refund was sent on Monday")]
    [InlineData("[[hallucination]]", "A claim that the provided context does not support.")]
    public void Markers_HallucinationClaim_IsTheMarkedSentence(string text, string claim) =>
        Assert.Equal(claim, Assert.Single(VerdictMarkers.Read(text).UnsupportedClaims));

    [Fact]
    public async Task JudgeErrorRate_GivesWrongShapeVerdictsOfEveryKindWith200()
    {
        await using var sim = await JudgeSimulator.StartAsync(new SimulatorOptions { Faults = { JudgeErrorRate = 1, Seed = 3 } });
        using var client = sim.Client();

        var kinds = new HashSet<string>();
        for (var i = 0; i < 30; i++)
        {
            var response = await client.PostJsonAsync(SimWire.GeneratePath(), SimWire.GeminiRequest("Response: fine."));
            Assert.Equal(200, (int)response.StatusCode);
            kinds.Add(Classify(SimWire.CandidateText(await response.BodyAsync())));
        }

        Assert.Equal(["missing-field", "not-json", "out-of-range"], kinds.Order());
        Assert.All(sim.Stats.Records, r => Assert.Equal(FaultKind.WrongShapeVerdict, r.Fault));
    }

    [Fact]
    public async Task WrongShapeVerdict_OnChat_IsStill200()
    {
        await using var sim = await JudgeSimulator.StartAsync();
        sim.Faults.Enqueue(SimulatedFault.WrongShapeVerdict());
        using var client = sim.Client();

        var response = await client.PostJsonAsync("v1/chat/completions", SimWire.ChatRequest("x"));

        Assert.Equal(200, (int)response.StatusCode);
        Assert.NotEqual("valid", Classify(SimWire.MessageContent(await response.BodyAsync())));
    }

    private static string Classify(string text)
    {
        JsonElement verdict;
        try
        {
            verdict = JsonDocument.Parse(text).RootElement;
        }
        catch (JsonException)
        {
            return "not-json";
        }

        if (!verdict.TryGetProperty("hallucination", out _))
        {
            return "missing-field";
        }

        return verdict.GetProperty("accuracy").GetInt32() is < 1 or > 5 ? "out-of-range" : "valid";
    }
}
