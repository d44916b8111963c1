namespace QualityWatch.Simulator.Faults;

/// <summary>A fault scripted for the next generateContent or chat request (see <see cref="SimulatorFaults.Enqueue"/>).</summary>
public sealed class SimulatedFault
{
    private SimulatedFault(FaultKind kind, TimeSpan? retryDelay = null, TimeSpan delay = default)
    {
        Kind = kind;
        RetryDelay = retryDelay;
        Delay = delay;
    }

    public FaultKind Kind { get; }

    /// <summary>The RetryInfo delay (Gemini) or <c>retry-after</c> (OpenAI) of a 429; null sends none.</summary>
    public TimeSpan? RetryDelay { get; }

    /// <summary>The extra wait of a <see cref="FaultKind.Delay"/> fault.</summary>
    public TimeSpan Delay { get; }

    /// <summary>A per-minute 429. Without a delay the body carries no RetryInfo, as some real 429s do not.</summary>
    public static SimulatedFault TooManyRequests(TimeSpan? retryDelay = null)
    {
        if (retryDelay < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(retryDelay), retryDelay, "A retry delay cannot be negative.");
        }

        return new(FaultKind.TooManyRequests, retryDelay);
    }

    public static SimulatedFault ServiceUnavailable() => new(FaultKind.ServiceUnavailable);

    public static SimulatedFault InternalError() => new(FaultKind.InternalError);

    public static SimulatedFault MalformedReply() => new(FaultKind.MalformedReply);

    public static SimulatedFault Hang() => new(FaultKind.Hang);

    public static SimulatedFault DailyQuotaExhausted() => new(FaultKind.DailyQuotaExhausted);

    /// <summary>A normal answer, <paramref name="delay"/> late (by the simulator's TimeProvider).</summary>
    public static SimulatedFault Slow(TimeSpan delay)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delay, TimeSpan.Zero);
        return new(FaultKind.Delay, delay: delay);
    }

    /// <summary>A 200 whose verdict has the wrong shape (missing field, score out of range, or prose).</summary>
    public static SimulatedFault WrongShapeVerdict() => new(FaultKind.WrongShapeVerdict);

    public override string ToString() => RetryDelay is { } d ? $"{Kind} (retry {d})" : Delay > TimeSpan.Zero ? $"{Kind} ({Delay})" : Kind.ToString();
}
