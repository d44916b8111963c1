using QualityWatch.Simulator.Faults;
using QualityWatch.Judging;
using QualityWatch.Tests.Support;

namespace QualityWatch.Tests.Judging;

public sealed class TierRoutingTests
{
    [Theory]
    [InlineData("gemini")]
    [InlineData("openai")]
    public async Task BoostSamples_AreJudgedInStandard_RoutineInFlex_AndCostedAtTheTierUsed(string provider)
    {
        await using var harness = await JudgeHarness.StartAsync(provider, new Dictionary<string, string?> { ["Sampling:EveryN"] = "2", ["Sampling:Boost:EveryN"] = "1" });
        await PostAsync(harness, "v1", 4); // the stream's first version: routine, 2 of 4
        await PostAsync(harness, "v2", 3); // new: boosted
        await harness.SettleAsync();

        var stored = Db.Query<(string Reason, string Requested, string Tier, long Prompt, long Cached, long Output, long Thinking, double Cost)>(
            harness.DatabasePath,
            """
            SELECT s.sample_reason, v.service_tier_requested, v.service_tier, v.prompt_tokens, v.cached_tokens, v.output_tokens,
                   v.thinking_tokens, v.cost_usd
            FROM verdicts v JOIN samples s ON s.interaction_id = v.interaction_id
            """);
        Assert.Equal(5, stored.Count);
        Assert.All(stored.Where(s => s.Reason == "every_n"), s => Assert.Equal(("flex", "flex"), (s.Requested, s.Tier)));
        Assert.All(stored.Where(s => s.Reason == "boost"), s => Assert.Equal(("standard", "standard"), (s.Requested, s.Tier)));
        Assert.Equal(3, stored.Count(s => s.Reason == "boost"));

        // The served tier's multiplier: flex half price, standard full price.
        var price = ModelPrice.Defaults()[provider == "openai" ? "gpt-5-mini" : "gemini-2.5-flash"];
        Assert.All(stored, s => Assert.Equal(
            (double)(((((s.Prompt - s.Cached) * price.InputPerMillion) + (s.Cached * price.CachedInputPerMillion) + ((s.Output + s.Thinking) * price.OutputPerMillion)) *
                      (s.Tier == "flex" ? 0.5m : 1m)) / 1_000_000m),
            s.Cost,
            precision: 12));
    }

    [Fact]
    public async Task BoostJudgeTierFlex_KeepsBoostSamplesInFlex()
    {
        await using var harness = await JudgeHarness.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Sampling:EveryN"] = "2",
            ["Sampling:Boost:EveryN"] = "1",
            ["Sampling:Boost:JudgeTier"] = "flex",
        });
        await PostAsync(harness, "v1", 1);
        await PostAsync(harness, "v2", 2);
        await harness.SettleAsync();

        Assert.Equal(2, Db.Scalar<long>(harness.DatabasePath, "SELECT COUNT(*) FROM samples WHERE sample_reason = 'boost'"));
        Assert.Equal(0, Db.Scalar<long>(harness.DatabasePath, "SELECT COUNT(*) FROM verdicts WHERE service_tier_requested <> 'flex'"));
    }

    [Fact]
    public async Task BoostSamples_HaveTheirOwnLane_AndAreJudgedWhileFlexCallsHoldEverySlot()
    {
        await using var harness = await JudgeHarness.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Sampling:EveryN"] = "2",
            ["Sampling:Boost:EveryN"] = "1",
            ["Judge:MaxConcurrency"] = "1",
            // Calls in flight are cut at shutdown after this grace; the test ends long before the Flex answer.
            ["Shutdown:JudgeGrace"] = "00:00:00.100",
        });
        harness.Simulator.Faults.Latency["flex"] = LatencyDistribution.Fixed(TimeSpan.FromMinutes(10));
        await PostAsync(harness, "v1", 4); // 2 routine samples, in flex: one call holds the routine lane's only slot
        await harness.SettleAsync(until: c => c.GetValueOrDefault("leased") == 1);
        await PostAsync(harness, "v2", 2); // boosted, in standard

        var counts = await harness.SettleAsync(TimeSpan.FromSeconds(20), until: c => c.GetValueOrDefault("done") == 2);

        Assert.Equal(2, counts.GetValueOrDefault("done"));
        Assert.Equal(2, Db.Scalar<long>(harness.DatabasePath, "SELECT COUNT(*) FROM verdicts v JOIN samples s USING (interaction_id) WHERE s.sample_reason = 'boost'"));
        // The routine lane still holds its one Flex call, the other routine sample waits for it.
        Assert.Equal((1L, 1L), (counts.GetValueOrDefault("leased"), counts.GetValueOrDefault("pending")));
    }

    private static async Task PostAsync(JudgeHarness harness, string version, int count)
    {
        var batch = Some.Batch(count, _ => Some.Interaction(promptVersion: version, context: "Order 118822 shipped on 2026-03-02 with DHL."));
        (await harness.Host.Client.PostAsync("/v1/interactions", Some.Json(batch))).EnsureSuccessStatusCode();
    }
}
