using QualityWatch.Simulator.Verdicts;

namespace QualityWatch.Simulator.Faults;

/// <summary>What to do with one request: the fault (if any), its cause, and how long to wait before answering.</summary>
internal readonly record struct FaultDecision(
    FaultKind Kind,
    FaultCause Cause,
    TimeSpan? RetryDelay,
    TimeSpan Latency,
    JudgeErrorKind JudgeError = JudgeErrorKind.MissingField)
{
    public static FaultDecision None(TimeSpan latency) => new(FaultKind.None, FaultCause.None, null, latency);
}
