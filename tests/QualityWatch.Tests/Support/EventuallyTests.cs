namespace QualityWatch.Tests.Support;

/// <summary>The negative half of "eventually, then stays" must catch what turns up late, not only what is there at once.</summary>
public sealed class EventuallyTests
{
    [Fact]
    public async Task Stays_WhenTheConditionBreaksDuringThePeriod_IsFalse()
    {
        var calls = 0;
        using var late = new Timer(_ => Interlocked.Increment(ref calls), null, TimeSpan.FromMilliseconds(100), Timeout.InfiniteTimeSpan);

        Assert.False(await Eventually.StaysAsync(() => Volatile.Read(ref calls) == 0, TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task Stays_WhenTheConditionHoldsThroughout_IsTrue()
    {
        Assert.True(await Eventually.StaysAsync(() => true, TimeSpan.FromMilliseconds(200)));
    }

    [Fact]
    public async Task Value_ReturnsTheFirstValueThatIsDone()
    {
        var reads = 0;

        Assert.Equal(3, await Eventually.ValueAsync(() => ++reads, n => n >= 3));
    }
}
