using QualityWatch.Sampling;

namespace QualityWatch.Tests.Sampling;

/// <summary>The sampling decision alone: every Nth, hash, and a boosting version's own rate, tier and cap.</summary>
public sealed class SamplerTests
{
    private const long Now = 1_772_442_000_000;
    private static readonly Dictionary<string, string> NoLabels = [];

    [Fact]
    public void EveryN_SamplesExactlyEachNthInteraction_AndCountsThemAll()
    {
        var stream = new StreamDefinition("default", NoLabels, 5, SamplingMode.EveryN) { Boost = new BoostOptions { Enabled = false } };
        var counter = new StreamCounter(stream, 0, 0);

        var sampled = Enumerable.Range(1, 20).Where(i => Sampler.Decide(stream, counter, [], $"id-{i}", Now) is not null).ToList();

        Assert.Equal([5, 10, 15, 20], sampled);
        Assert.Equal((20, 4), (counter.Counter, counter.Sampled));
    }

    [Fact]
    public void Hash_DependsOnlyOnTheId_SoEveryReplicaAgrees()
    {
        var stream = new StreamDefinition("default", NoLabels, 10, SamplingMode.Hash) { Boost = new BoostOptions { Enabled = false } };
        var ids = Enumerable.Range(0, 2_000).Select(i => $"conv-{i}").ToList();

        var first = ids.Where(id => Sampler.Decide(stream, new StreamCounter(stream, 0, 0), [], id, Now) is not null).ToList();
        var second = ids.AsEnumerable().Reverse().Where(id => Sampler.Decide(stream, new StreamCounter(stream, 7, 3), [], id, Now) is not null).ToList();

        Assert.Equal(first.Order(), second.Order());
        Assert.InRange(first.Count, 150, 250); // 1 in 10 of 2,000, give or take the hash's spread
    }

    [Fact]
    public void BoostingVersion_IsSampledAtTheBoostRateAndTier_UntilItsCap()
    {
        var boost = new BoostOptions { EveryN = 2, MaxSamples = 3, JudgeTier = "standard" };
        var stream = new StreamDefinition("default", NoLabels, 100, SamplingMode.EveryN) { Boost = boost };
        var counter = new StreamCounter(stream, 0, 0);
        var v2 = new VersionState { Stream = "default", Dimension = "prompt_version", Value = "v2", FirstSeen = Now, LastSeen = Now, BoostUntil = Now + 60_000 };

        var decisions = Enumerable.Range(1, 10).Select(i => Sampler.Decide(stream, counter, [v2], $"id-{i}", Now)).ToList();

        var boosted = decisions.Where(d => d is not null).ToList();
        Assert.Equal(3, boosted.Count);
        Assert.All(boosted, d => Assert.Equal((SampleReason.Boost, "standard"), (d!.Reason, d.JudgeTier)));
        Assert.Equal(3, v2.BoostSampled);
    }

    [Fact]
    public void BoostThatEnded_FallsBackToTheRoutineRate()
    {
        var stream = new StreamDefinition("default", NoLabels, 4, SamplingMode.EveryN) { Boost = new BoostOptions { EveryN = 2 } };
        var counter = new StreamCounter(stream, 0, 0);
        var v2 = new VersionState { Stream = "default", Dimension = "prompt_version", Value = "v2", BoostUntil = Now };

        var decisions = Enumerable.Range(1, 8).Select(i => Sampler.Decide(stream, counter, [v2], $"id-{i}", Now)).ToList();

        Assert.Equal([4, 8], decisions.Select((d, i) => (d, i + 1)).Where(p => p.d is not null).Select(p => p.Item2));
        Assert.All(decisions.OfType<SampleDecision>(), d => Assert.Equal((SampleReason.EveryN, (string?)null), (d.Reason, d.JudgeTier)));
    }
}
