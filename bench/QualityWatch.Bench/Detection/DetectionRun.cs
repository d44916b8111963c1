namespace QualityWatch.Bench.Detection;

/// <summary>The outcome of one seeded run of one policy on one scenario.</summary>
internal sealed record DetectionRun(
    TimeSpan? Delay,          // change -> first notification of the policy's rules; null = none within the horizon
    int FalseAlarms,          // notifications before the change (stable: all of them)
    TimeSpan Observed,        // virtual time the false alarms were counted over
    JudgeSpend Spend,         // verdicts judged in the measured span
    TimeSpan SpendSpan);
