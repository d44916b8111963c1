using Microsoft.Extensions.Time.Testing;
using QualityWatch.Telemetry;

namespace QualityWatch.Tests.Telemetry;

public sealed class LogThrottleTests : IDisposable
{
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
    private readonly List<(int Count, TimeSpan Period)> summaries = [];
    private readonly LogThrottle throttle;

    public LogThrottleTests() => throttle = new LogThrottle(time);

    public void Dispose() => throttle.Dispose();

    [Fact]
    public void RepeatsWithinThePeriod_AreCountedNotLogged_AndSummarisedOnceWhenItEnds()
    {
        var logged = Enumerable.Range(0, 50).Count(_ => Occur("commit"));
        Assert.Equal(1, logged);
        Assert.Empty(summaries);

        time.Advance(LogThrottle.Period);

        Assert.Equal([(49, TimeSpan.FromSeconds(60))], summaries);
    }

    [Fact]
    public void PersistentFault_GivesOneSummaryPerPeriod_NotAFullLineAgain()
    {
        Assert.True(Occur("commit"));
        for (var minute = 0; minute < 3; minute++)
        {
            Assert.False(Occur("commit"));
            Assert.False(Occur("commit"));
            time.Advance(LogThrottle.Period);
        }

        Assert.Equal([(2, LogThrottle.Period), (2, LogThrottle.Period), (2, LogThrottle.Period)], summaries);
    }

    [Fact]
    public void AfterAPeriodWithoutRepeats_TheNextOccurrenceIsLoggedInFullAgain()
    {
        Assert.True(Occur("commit"));
        time.Advance(LogThrottle.Period);
        Assert.Empty(summaries);

        Assert.True(Occur("commit"));
    }

    [Fact]
    public void DifferentKeys_AreThrottledApart()
    {
        Assert.True(Occur("commit"));
        Assert.True(Occur("rollup"));
        Assert.False(Occur("commit"));
    }

    [Fact]
    public void KeyOf_SameErrorTypeAndMessage_IsTheSameKey_AnotherMessageIsNot()
    {
        Assert.Equal(LogThrottle.KeyOf("site", new IOException("disk full")), LogThrottle.KeyOf("site", new IOException("disk full")));
        Assert.NotEqual(LogThrottle.KeyOf("site", new IOException("disk full")), LogThrottle.KeyOf("site", new IOException("locked")));
    }

    private bool Occur(string key) => throttle.ShouldLog(key, (count, period) => summaries.Add((count, period)));
}
