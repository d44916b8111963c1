using QualityWatch.Judging;
using QualityWatch.Simulator.Stats;
using QualityWatch.Tests.Support;

namespace QualityWatch.Tests.Judging;

/// <summary>Samples in, verdicts out, over real HTTP through the judge simulator, for both providers.</summary>
public sealed class JudgeEndToEndTests
{
    [Theory]
    [InlineData("gemini")]
    [InlineData("openai")]
    public async Task Judge_SamplesWithMarkers_GetTheVerdictsTheMarkersSay(string provider)
    {
        await using var harness = await JudgeHarness.StartAsync(provider);

        var ids = await harness.SendAsync(
            "It shipped on March 2 with DHL.",
            "It shipped by drone and you get a 50% refund. [[hallucination]]",
            "Whatever. [[accuracy=2]] [[tone=1]]");
        var counts = await harness.SettleAsync();

        Assert.Equal(3, counts.GetValueOrDefault("done"));
        var verdicts = Db.Query<(string Id, long Accuracy, long Tone, long Hallucination, string Claims, string Provider, string Rubric)>(
            harness.DatabasePath,
            "SELECT interaction_id, accuracy, tone, hallucination, unsupported_claims, provider, rubric_version FROM verdicts").ToDictionary(v => v.Id);
        Assert.Equal((5L, 5L, 0L), (verdicts[ids[0]].Accuracy, verdicts[ids[0]].Tone, verdicts[ids[0]].Hallucination));
        Assert.Equal(1L, verdicts[ids[1]].Hallucination);
        Assert.NotEqual("[]", verdicts[ids[1]].Claims);
        Assert.Equal((2L, 1L), (verdicts[ids[2]].Accuracy, verdicts[ids[2]].Tone));
        Assert.All(verdicts.Values, v => Assert.Equal((provider, Rubric.DefaultVersion), (v.Provider, v.Rubric)));
    }

    [Theory]
    [InlineData("gemini", EndpointKind.GenerateContent)]
    [InlineData("openai", EndpointKind.ChatCompletions)]
    public async Task Judge_StoresTokensTierAndCostAsTheSimulatorReportedThem(string provider, EndpointKind kind)
    {
        // One at a time, so the prefix cache has always seen the rubric before the next call.
        await using var harness = await JudgeHarness.StartAsync(provider, new Dictionary<string, string?> { ["Judge:MaxConcurrency"] = "1" });

        await harness.SendAsync("One.", "Two.", "Three.", "Four.");
        await harness.SettleAsync();

        var stored = Db.Query<(long Prompt, long Cached, long Output, long Thinking, double Cost, string Tier, string Requested)>(
            harness.DatabasePath, "SELECT prompt_tokens, cached_tokens, output_tokens, thinking_tokens, cost_usd, service_tier, service_tier_requested FROM verdicts");
        var reported = harness.Simulator.Stats.Records.Where(r => r.Kind == kind && r.StatusCode == 200)
            .Select(r => ((long)r.PromptTokens, (long)r.CachedTokens)).Order().ToList();
        Assert.Equal(4, stored.Count);
        Assert.Equal(reported, stored.Select(s => (s.Prompt, s.Cached)).Order().ToList());
        Assert.All(stored, s => Assert.Equal(("flex", "flex"), (s.Tier, s.Requested)));
        Assert.All(stored, s => Assert.True(s.Output > 0));

        // Cost from the stored usage and the default price table, at the flex half price.
        var price = ModelPrice.Defaults()[provider == "openai" ? "gpt-5-mini" : "gemini-2.5-flash"];
        Assert.All(stored, s => Assert.Equal(
            (double)((((s.Prompt - s.Cached) * price.InputPerMillion) + (s.Cached * price.CachedInputPerMillion) + ((s.Output + s.Thinking) * price.OutputPerMillion)) * 0.5m / 1_000_000m),
            s.Cost,
            precision: 12));

        // The rubric is a cached prefix: after the first call every request reports cached tokens.
        Assert.True(stored.Count(s => s.Cached > 0) >= 3, $"cached tokens on {stored.Count(s => s.Cached > 0)} of 4 verdicts");
    }
}
