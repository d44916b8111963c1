namespace QualityWatch.Simulator.Faults;

/// <summary>Why a fault was applied, so a test can tell a scripted 429 from an enforced limit.</summary>
public enum FaultCause
{
    None,
    Scripted,
    Random,
    RequestsPerMinuteLimit,
    DailyQuota,
}
