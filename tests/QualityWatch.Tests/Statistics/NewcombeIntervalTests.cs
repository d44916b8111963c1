using QualityWatch.Statistics;

namespace QualityWatch.Tests.Statistics;

public sealed class NewcombeIntervalTests
{
    [Fact]
    public void For_NewcombesOwnExample_MatchesHisTable()
    {
        // Newcombe (1998), table II example (b): 56/70 vs 48/80; method 10 gives 0.0524 to 0.3339 for p1 − p2.
        var interval = NewcombeInterval.For(48, 80, 56, 70)!.Value;

        Assert.Equal(0.2, interval.Difference, 1e-9);
        Assert.Equal(0.0524, interval.Lower, 3);
        Assert.Equal(0.3339, interval.Upper, 3);
    }

    [Fact]
    public void For_NoEventsOnEitherSide_IsNotZeroWidth()
    {
        var interval = NewcombeInterval.For(0, 50, 0, 50)!.Value;

        Assert.Equal(0, interval.Difference);
        Assert.True(interval.Lower < -0.05 && interval.Upper > 0.05, $"{interval}");
    }

    [Fact]
    public void For_AnEmptySide_HasNoInterval() => Assert.Null(NewcombeInterval.For(0, 0, 3, 10));
}
