using System.Text.Json;
using QualityWatch.Demo;

namespace QualityWatch.Tests.Demo;

public sealed class DemoTrafficTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void DueBy_FollowsTheRateAndStopsAtTheEnd()
    {
        var traffic = new DemoTraffic(new DemoOptions { Hours = 4, RatePerHour = 600 }, Start);

        Assert.Equal(0, traffic.DueBy(Start - TimeSpan.FromHours(1)));
        Assert.Equal(150, traffic.DueBy(Start + TimeSpan.FromMinutes(15)));
        Assert.Equal(2400, traffic.DueBy(Start + TimeSpan.FromHours(9)));
    }

    [Fact]
    public void Batches_SwitchToV2AtTheChangeAndHallucinateAtTheConfiguredRates()
    {
        var options = new DemoOptions { Hours = 20, ChangeAtHour = 10, RatePerHour = 2000, RateBefore = 0.02, RateAfter = 0.08 };
        var traffic = new DemoTraffic(options, Start);

        // Two batches: nothing is generated twice and the ids continue.
        var lines = (traffic.NextBatch(15_000) + traffic.NextBatch(traffic.DueBy(traffic.End))).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(40_000, lines.Count);
        Assert.Equal(40_000, traffic.Generated);
        Assert.Equal(40_000, lines.Select(l => l.GetProperty("id").GetString()).Distinct().Count());

        var byVersion = lines.GroupBy(l => l.GetProperty("prompt_version").GetString()!).ToDictionary(
            g => g.Key,
            g => (Count: g.Count(), Rate: g.Count(l => l.GetProperty("response").GetString()!.Contains("[[hallucination]]", StringComparison.Ordinal)) / (double)g.Count()));
        Assert.Equal(20_000, byVersion["v1"].Count);
        Assert.Equal(20_000, byVersion["v2"].Count);
        Assert.InRange(byVersion["v1"].Rate, 0.015, 0.025);
        Assert.InRange(byVersion["v2"].Rate, 0.07, 0.09);
        Assert.Equal(lines.Count(l => l.GetProperty("response").GetString()!.Contains("[[hallucination]]", StringComparison.Ordinal)), traffic.Hallucinated);

        // v2 starts exactly at the change, on the simulated clock.
        var firstV2 = lines.First(l => l.GetProperty("prompt_version").GetString() == "v2");
        Assert.Equal(traffic.ChangeAt, firstV2.GetProperty("timestamp").GetDateTimeOffset());
    }

    [Fact]
    public void SameSeed_SameTraffic()
    {
        var options = new DemoOptions { Hours = 2, RatePerHour = 500, Seed = 11 };

        Assert.Equal(new DemoTraffic(options, Start).NextBatch(1000), new DemoTraffic(options, Start).NextBatch(1000));
        Assert.NotEqual(new DemoTraffic(options, Start).NextBatch(1000), new DemoTraffic(options with { Seed = 12 }, Start).NextBatch(1000));
    }
}
