using QualityWatch.Telemetry;

namespace QualityWatch.Judging;

/// <summary>The <c>tier</c> and <c>outcome</c> labels of <c>qualitywatch_judge_requests_total</c>: closed sets, whatever a provider answers.</summary>
internal static class JudgeMetricLabels
{
    public static string Tier(string tier) => JudgeTiers.IsKnown(tier) ? tier : LabelLimits.Other;

    /// <summary><c>success</c> or the failure kind in snake_case.</summary>
    public static string Outcome(JudgeFailureKind? failure) => failure switch
    {
        null => "success",
        JudgeFailureKind.RateLimited => "rate_limited",
        JudgeFailureKind.Unavailable => "unavailable",
        JudgeFailureKind.Transient => "transient",
        JudgeFailureKind.InvalidReply => "invalid_reply",
        JudgeFailureKind.CacheMissing => "cache_missing",
        JudgeFailureKind.DailyQuota => "daily_quota",
        JudgeFailureKind.CircuitOpen => "circuit_open",
        JudgeFailureKind.Unauthorized => "unauthorized",
        JudgeFailureKind.Rejected => "rejected",
        _ => LabelLimits.Other,
    };
}
