using Microsoft.Extensions.Time.Testing;
using QualityWatch.Demo;

namespace QualityWatch.Tests.Demo;

public sealed class AcceleratedTimeProviderTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void GetUtcNow_RunsSpeedTimesFasterThanTheRealClock()
    {
        var real = new FakeTimeProvider();
        var clock = new AcceleratedTimeProvider(Start, 720, real);

        Assert.Equal(Start, clock.GetUtcNow());
        real.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(Start + TimeSpan.FromHours(1), clock.GetUtcNow());
    }

    [Fact]
    public void ElapsedTime_IsMeasuredInSimulatedTime()
    {
        var real = new FakeTimeProvider();
        var clock = new AcceleratedTimeProvider(Start, 60, real);

        var before = clock.GetTimestamp();
        real.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(TimeSpan.FromMinutes(2), clock.GetElapsedTime(before));
    }

    [Fact]
    public void SetSpeed_ContinuesFromTheCurrentInstantWithoutAJump()
    {
        var real = new FakeTimeProvider();
        var clock = new AcceleratedTimeProvider(Start, 3600, real);
        real.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(Start + TimeSpan.FromHours(2), clock.GetUtcNow());

        clock.SetSpeed(1);
        Assert.Equal(Start + TimeSpan.FromHours(2), clock.GetUtcNow());
        real.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(Start + TimeSpan.FromHours(2) + TimeSpan.FromSeconds(2), clock.GetUtcNow());
        Assert.Equal(1, clock.Speed);
    }

    [Fact]
    public async Task Delay_OnTheAcceleratedClock_TakesOnlyItsShareOfRealTime()
    {
        var real = new FakeTimeProvider();
        var clock = new AcceleratedTimeProvider(Start, 600, real);

        // Ten simulated minutes are one real second.
        var delay = Task.Delay(TimeSpan.FromMinutes(10), clock);
        real.Advance(TimeSpan.FromMilliseconds(999));
        Assert.False(delay.IsCompleted);
        real.Advance(TimeSpan.FromMilliseconds(1));
        await delay.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public void Timer_PeriodIsScaledAndChangeKeepsScaling()
    {
        var real = new FakeTimeProvider();
        var clock = new AcceleratedTimeProvider(Start, 60, real);
        var ticks = 0;

        using var timer = clock.CreateTimer(_ => Interlocked.Increment(ref ticks), null, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
        real.Advance(TimeSpan.FromSeconds(1));
        real.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(2, ticks);

        // An hour of simulated time between ticks: a real minute.
        timer.Change(TimeSpan.FromHours(1), Timeout.InfiniteTimeSpan);
        real.Advance(TimeSpan.FromSeconds(59));
        Assert.Equal(2, ticks);
        real.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(3, ticks);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(0.5)]
    public void Speed_BelowRealTime_IsRefused(double speed)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new AcceleratedTimeProvider(Start, speed));
        Assert.Throws<ArgumentOutOfRangeException>(() => new AcceleratedTimeProvider(Start, 10).SetSpeed(speed));
    }
}
