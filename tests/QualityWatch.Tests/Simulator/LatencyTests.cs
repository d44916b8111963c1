using System.Net;
using Microsoft.Extensions.Time.Testing;
using QualityWatch.Simulator;
using QualityWatch.Simulator.Faults;
using QualityWatch.Tests.Support;

namespace QualityWatch.Tests.Simulator;

/// <summary>Latency runs on the simulator's TimeProvider: with a fake clock the answer comes when the test advances it.</summary>
public sealed class LatencyTests
{
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task Latency_PerTier_HoldsTheAnswerUntilTheClockAdvances()
    {
        await using var sim = await JudgeSimulator.StartAsync(new SimulatorOptions { TimeProvider = time });
        sim.Faults.Latency["flex"] = LatencyDistribution.Fixed(TimeSpan.FromSeconds(30));
        using var client = sim.Client();

        var standard = await client.PostJsonAsync(SimWire.GeneratePath(), SimWire.GeminiRequest("x"));
        var flex = client.PostJsonAsync(SimWire.GeneratePath(), SimWire.GeminiRequest("x", tier: "flex"));
        Assert.True(await Eventually.TrueAsync(() => sim.Stats.JudgeRequestTimes.Count == 2, TimeSpan.FromSeconds(30)), "the flex request never reached the simulator");
        Assert.True(await Eventually.StaysAsync(() => !flex.IsCompleted, TimeSpan.FromMilliseconds(300)), "answered before its latency");
        time.Advance(TimeSpan.FromSeconds(29));
        Assert.True(await Eventually.StaysAsync(() => !flex.IsCompleted, TimeSpan.FromMilliseconds(100)), "answered a second early");
        time.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(HttpStatusCode.OK, standard.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await flex.WaitAsync(TimeSpan.FromSeconds(5))).StatusCode);
    }

    [Fact]
    public async Task SlowFault_DelaysOneAnswerByItsDelay()
    {
        await using var sim = await JudgeSimulator.StartAsync(new SimulatorOptions { TimeProvider = time });
        sim.Faults.Enqueue(SimulatedFault.Slow(TimeSpan.FromSeconds(10)));
        using var client = sim.Client();

        var slow = client.PostJsonAsync("v1/chat/completions", SimWire.ChatRequest("x"));

        // Advance only once the request is inside the simulator: a loaded machine may take longer
        // than any fixed pause to deliver it, and a delay started after the advance never ends.
        Assert.True(await Eventually.TrueAsync(() => sim.Stats.JudgeRequestTimes.Count > 0, TimeSpan.FromSeconds(30)), "the request never reached the simulator");
        Assert.True(await Eventually.StaysAsync(() => !slow.IsCompleted, TimeSpan.FromMilliseconds(300)), "answered before its delay");
        time.Advance(TimeSpan.FromSeconds(10));

        Assert.Equal(HttpStatusCode.OK, (await slow.WaitAsync(TimeSpan.FromSeconds(5))).StatusCode);
    }

    [Theory]
    [InlineData("fixed 250ms", 250, 250)]
    [InlineData("uniform 1s 2s", 1000, 2000)]
    [InlineData("uniform,00:00:01,1.5s", 1000, 1500)]
    public void LatencyDistribution_Parse_SamplesWithinItsBounds(string spec, int minMs, int maxMs)
    {
        var distribution = LatencyDistribution.Parse(spec);
        var random = new Random(7);

        var samples = Enumerable.Range(0, 1000).Select(_ => distribution.Sample(random).TotalMilliseconds).ToList();

        Assert.All(samples, ms => Assert.InRange(ms, minMs, maxMs));
    }

    [Fact]
    public void LatencyDistribution_LogNormal_HasTheGivenMedianAndP90()
    {
        var distribution = LatencyDistribution.LogNormal(TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(10));
        var random = new Random(11);

        var samples = Enumerable.Range(0, 20_001).Select(_ => distribution.Sample(random).TotalSeconds).Order().ToList();

        Assert.InRange(samples[10_000], 1.9, 2.1);
        Assert.InRange(samples[18_000], 9.3, 10.7);
    }

    [Theory]
    [InlineData("gaussian 1s")]
    [InlineData("uniform 2s 1s")]
    [InlineData("fixed soon")]
    public void LatencyDistribution_Parse_RejectsNonsense(string spec) =>
        Assert.ThrowsAny<Exception>(() => LatencyDistribution.Parse(spec));
}
