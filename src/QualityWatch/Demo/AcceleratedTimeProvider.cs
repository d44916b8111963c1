namespace QualityWatch.Demo;

/// <summary>
/// A clock that runs <see cref="Speed"/> times faster than real time from a chosen start, so the
/// demo plays a day of traffic in minutes. Timers (and so <c>Task.Delay(d, time)</c>) are scaled
/// too; the speed can be changed while running without the clock jumping.
/// </summary>
internal sealed class AcceleratedTimeProvider : TimeProvider
{
    private readonly TimeProvider real;
    private readonly Lock gate = new();
    private DateTimeOffset anchor;
    private long anchorTimestamp;
    private double speed;

    public AcceleratedTimeProvider(DateTimeOffset start, double speed, TimeProvider? real = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(speed, 1);
        this.real = real ?? System;
        anchor = start;
        anchorTimestamp = this.real.GetTimestamp();
        this.speed = speed;
    }

    /// <summary>Simulated seconds per real second.</summary>
    public double Speed
    {
        get
        {
            lock (gate)
            {
                return speed;
            }
        }
    }

    // Timestamps are simulated ticks, so elapsed-time measurements agree with GetUtcNow.
    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override DateTimeOffset GetUtcNow()
    {
        lock (gate)
        {
            return anchor + (real.GetElapsedTime(anchorTimestamp) * speed);
        }
    }

    public override long GetTimestamp() => GetUtcNow().UtcTicks;

    /// <summary>From now on the clock runs at <paramref name="value"/>× (1 = real time), continuing from the current instant.</summary>
    public void SetSpeed(double value)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
        lock (gate)
        {
            anchor += real.GetElapsedTime(anchorTimestamp) * speed;
            anchorTimestamp = real.GetTimestamp();
            speed = value;
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        new ScaledTimer(this, real.CreateTimer(callback, state, ToReal(dueTime), ToReal(period)));

    private TimeSpan ToReal(TimeSpan simulated) =>
        simulated == Timeout.InfiniteTimeSpan || simulated <= TimeSpan.Zero ? simulated : simulated / Speed;

    private sealed class ScaledTimer(AcceleratedTimeProvider clock, ITimer inner) : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => inner.Change(clock.ToReal(dueTime), clock.ToReal(period));

        public void Dispose() => inner.Dispose();

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
