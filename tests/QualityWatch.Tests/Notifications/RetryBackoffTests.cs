using QualityWatch.Notifications;

namespace QualityWatch.Tests.Notifications;

public sealed class RetryBackoffTests
{
    private static readonly NotificationRetryOptions Options = new()
    {
        InitialDelay = TimeSpan.FromSeconds(10),
        MaxDelay = TimeSpan.FromSeconds(60),
        MaxAttempts = 5,
        MaxAge = TimeSpan.FromHours(1),
    };

    [Theory]
    [InlineData(1, 10)]
    [InlineData(2, 20)]
    [InlineData(3, 40)]
    [InlineData(4, 60)]
    [InlineData(40, 60)]
    public void DelayAfter_DoublesPerAttemptUpToMaxDelay(long attempts, int seconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(seconds), new RetryBackoff(Options, () => 1.0).DelayAfter(attempts));
    }

    [Fact]
    public void DelayAfter_JitterKeepsHalfToAllOfTheDelay()
    {
        Assert.Equal(TimeSpan.FromSeconds(10), new RetryBackoff(Options, () => 0.0).DelayAfter(2));
        Assert.Equal(TimeSpan.FromSeconds(15), new RetryBackoff(Options, () => 0.5).DelayAfter(2));
        var real = new RetryBackoff(Options);
        Assert.All(Enumerable.Range(0, 200), _ => Assert.InRange(real.DelayAfter(3), TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(40)));
    }

    [Fact]
    public void GiveUp_AtMaxAttemptsOrMaxAge()
    {
        var backoff = new RetryBackoff(Options);
        var created = new DateTimeOffset(2026, 11, 24, 10, 0, 0, TimeSpan.Zero);

        Assert.False(backoff.GiveUp(4, created, created.AddMinutes(59)));
        Assert.True(backoff.GiveUp(5, created, created.AddMinutes(1)));
        Assert.True(backoff.GiveUp(1, created, created.AddHours(1)));
    }
}
