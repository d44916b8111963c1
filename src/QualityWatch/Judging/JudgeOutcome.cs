namespace QualityWatch.Judging;

/// <summary>The result of one judge call: a verdict with usage, or a failure the worker can act on.</summary>
internal sealed record JudgeOutcome
{
    public Verdict? Verdict { get; init; }

    public JudgeUsage Usage { get; init; }

    /// <summary>The tier that served the call, as the provider reported it (header or body).</summary>
    public string? TierUsed { get; init; }

    public JudgeFailureKind? Failure { get; init; }

    /// <summary>A short reason, safe to store and show: status, provider error code, parse error. Never sample text.</summary>
    public string? Error { get; init; }

    /// <summary>How long the provider asked us to wait (RetryInfo / Retry-After), if it said.</summary>
    public TimeSpan? RetryAfter { get; init; }

    public static JudgeOutcome Success(Verdict verdict, JudgeUsage usage, string tierUsed) => new() { Verdict = verdict, Usage = usage, TierUsed = tierUsed };

    public static JudgeOutcome Failed(JudgeFailureKind kind, string error, TimeSpan? retryAfter = null, JudgeUsage usage = default) =>
        new() { Failure = kind, Error = error, RetryAfter = retryAfter, Usage = usage };
}
