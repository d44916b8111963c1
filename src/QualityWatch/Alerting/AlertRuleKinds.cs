namespace QualityWatch.Alerting;

/// <summary>The values <c>Alerting:Rules:N:Kind</c> accepts.</summary>
internal static class AlertRuleKinds
{
    public const string HallucinationRate = "hallucination_rate";
    public const string Sequential = "sequential";
    public const string AccuracyMean = "accuracy_mean";
    public const string ToneMean = "tone_mean";
    public const string JudgeFailureRatio = "judge_failure_ratio";
    public const string Backlog = "backlog";
    public const string IngestStalled = "ingest_stalled";
    public const string JudgeCanary = "judge_canary";

    public static IReadOnlyList<string> All { get; } =
        [HallucinationRate, Sequential, AccuracyMean, ToneMean, JudgeFailureRatio, Backlog, IngestStalled, JudgeCanary];
}
