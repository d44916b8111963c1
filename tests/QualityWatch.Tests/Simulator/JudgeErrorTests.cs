using System.Text.Json;
using QualityWatch.Simulator;
using QualityWatch.Simulator.Verdicts;

namespace QualityWatch.Tests.Simulator;

/// <summary>The simulated judge errs as configured: seeded, reproducible, per model, with the truth on record.</summary>
public sealed class JudgeErrorTests
{
    private const int Texts = 4000;

    [Fact]
    public void ErringJudge_MissesAndFalseAlarms_AtTheConfiguredRates()
    {
        var judge = new ErringJudge(new JudgeErrorOptions { Sensitivity = 0.85, Specificity = 0.96, Seed = 7 });

        var (sensitivity, specificity) = Measure(judge, "gemini-2.5-flash");

        // 4,000 draws each: a binomial standard error of about 0.006 (sensitivity) and 0.003 (specificity).
        Assert.InRange(sensitivity, 0.82, 0.88);
        Assert.InRange(specificity, 0.945, 0.975);
    }

    [Fact]
    public void ErringJudge_DefaultsToAPerfectJudge()
    {
        var judge = new ErringJudge(new JudgeErrorOptions());

        Assert.Equal((1.0, 1.0), Measure(judge, "gemini-2.5-flash"));
    }

    [Fact]
    public void ErringJudge_SameSeed_SameAnswers_OtherSeed_OtherAnswers()
    {
        JudgeErrorOptions Options(int seed) => new() { Sensitivity = 0.5, Specificity = 0.5, Seed = seed };
        var first = Answers(new ErringJudge(Options(1)));
        var again = Answers(new ErringJudge(Options(1)));
        var other = Answers(new ErringJudge(Options(2)));

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public void ErringJudge_ModelOverride_SimulatesAJudgeModelChange()
    {
        var options = new JudgeErrorOptions { Specificity = 0.96 };
        options.Models["gemini-3.5-flash"] = new JudgeModelErrorOptions { Specificity = 0.90 };
        var judge = new ErringJudge(options);

        var (_, before) = Measure(judge, "gemini-2.5-flash");
        var (afterSensitivity, after) = Measure(judge, "gemini-3.5-flash");

        Assert.InRange(before, 0.945, 0.975);
        Assert.InRange(after, 0.88, 0.92);
        Assert.Equal(1.0, afterSensitivity);
    }

    [Fact]
    public void ErringJudge_WrongCalls_CarryAConsistentVerdict()
    {
        var judge = new ErringJudge(new JudgeErrorOptions { Sensitivity = 0, Specificity = 0 });
        const string clean = "Context: shipping takes 3 days. Response: Your order ships today. It arrives Friday.";
        const string hallucinated = "Response: Your order ships today. [[hallucination]]";

        var falseAlarm = judge.Answer(VerdictMarkers.Read(clean), "m", clean);
        var miss = judge.Answer(VerdictMarkers.Read(hallucinated), "m", hallucinated);

        Assert.True(falseAlarm.Hallucination);
        Assert.Equal("It arrives Friday", Assert.Single(falseAlarm.UnsupportedClaims));
        Assert.Contains("does not support", falseAlarm.Reason, StringComparison.Ordinal);
        Assert.False(miss.Hallucination);
        Assert.Empty(miss.UnsupportedClaims);
        Assert.DoesNotContain("does not support", miss.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void ErringJudge_ScoreNoise_MovesScoresWithinOneToFive()
    {
        var noisy = new ErringJudge(new JudgeErrorOptions { ScoreNoise = 1 });
        var moved = 0;
        for (var i = 0; i < 500; i++)
        {
            var text = $"Response {i}. [[accuracy=4]] [[tone=2]]";
            var answer = noisy.Answer(VerdictMarkers.Read(text), "m", text);
            Assert.InRange(answer.Accuracy, 1, 5);
            Assert.InRange(answer.Tone, 1, 5);
            moved += answer.Accuracy != 4 || answer.Tone != 2 ? 1 : 0;
        }

        // P(a N(0,1) draw rounds away from 0) is 0.62 per score, so nearly every text moves in at least one.
        Assert.InRange(moved, 300, 500);
    }

    [Fact]
    public async Task Simulator_AnswersAsTheErringJudge_AndRecordsTheTruth()
    {
        var options = new SimulatorOptions();
        options.Judge.Sensitivity = 0;
        await using var sim = await JudgeSimulator.StartAsync(options);
        using var client = sim.Client();

        var gemini = await (await client.PostJsonAsync(SimWire.GeneratePath(), SimWire.GeminiRequest("Response: it is free. [[hallucination]]"))).BodyAsync();
        var chat = await (await client.PostJsonAsync("v1/chat/completions", SimWire.ChatRequest("Response: it costs $5. [[hallucination]]"))).BodyAsync();

        Assert.False(JsonDocument.Parse(SimWire.CandidateText(gemini)).RootElement.GetProperty("hallucination").GetBoolean());
        Assert.False(JsonDocument.Parse(SimWire.MessageContent(chat)).RootElement.GetProperty("hallucination").GetBoolean());
        Assert.Equal(2, sim.Stats.Judgements.Count);
        Assert.All(sim.Stats.Judgements, j => Assert.True(j.TrueHallucination && !j.JudgedHallucination));
    }

    [Theory]
    [InlineData("Sensitivity", 1.5, "Simulator:Judge:Sensitivity must be between 0 and 1")]
    [InlineData("Specificity", -0.1, "Simulator:Judge:Specificity must be between 0 and 1")]
    [InlineData("ModelSpecificity", 2.0, "Simulator:Judge:Models:m:Specificity must be between 0 and 1")]
    public async Task Simulator_RefusesErrorRatesOutOfRange_NamingTheKey(string which, double value, string message)
    {
        var options = new SimulatorOptions();
        switch (which)
        {
            case "Sensitivity": options.Judge.Sensitivity = value; break;
            case "Specificity": options.Judge.Specificity = value; break;
            default: options.Judge.Models["m"] = new JudgeModelErrorOptions { Specificity = value }; break;
        }

        var error = await Assert.ThrowsAsync<ArgumentException>(() => JudgeSimulator.StartAsync(options));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    private static (double Sensitivity, double Specificity) Measure(ErringJudge judge, string model)
    {
        int caught = 0, cleared = 0;
        for (var i = 0; i < Texts; i++)
        {
            var positive = $"Response {i}: the refund is instant. [[hallucination]]";
            var negative = $"Response {i}: the refund takes 5 days.";
            caught += judge.Answer(VerdictMarkers.Read(positive), model, positive).Hallucination ? 1 : 0;
            cleared += judge.Answer(VerdictMarkers.Read(negative), model, negative).Hallucination ? 0 : 1;
        }

        return ((double)caught / Texts, (double)cleared / Texts);
    }

    private static bool[] Answers(ErringJudge judge) =>
        [.. Enumerable.Range(0, 200).Select(i => $"Response {i}. [[hallucination]]").Select(t => judge.Answer(VerdictMarkers.Read(t), "m", t).Hallucination)];
}
