namespace QualityWatch.Judging;

/// <summary>Why a judge call gave no verdict; decides whether and when the sample is tried again.</summary>
internal enum JudgeFailureKind
{
    /// <summary>429 after the HTTP retries: try the sample again later.</summary>
    RateLimited,

    /// <summary>503 / Flex shedding / resource unavailable: try later, maybe in standard tier.</summary>
    Unavailable,

    /// <summary>5xx, timeouts, connection failures after the HTTP retries.</summary>
    Transient,

    /// <summary>200 but no valid verdict (bad JSON, missing field, out of range, blocked): counts as an attempt.</summary>
    InvalidReply,

    /// <summary>The explicit cache the request named is gone: recreate it and retry without burning an attempt.</summary>
    CacheMissing,

    /// <summary>A per-day quota is exhausted: stop calling until it resets.</summary>
    DailyQuota,

    /// <summary>The circuit breaker is open: the judge keeps failing; wait without burning attempts.</summary>
    CircuitOpen,

    /// <summary>The API key was refused (401/403, Gemini's API_KEY_INVALID): pause every call, keep the samples.</summary>
    Unauthorized,

    /// <summary>Other 4xx: this request was refused; counts as an attempt.</summary>
    Rejected,
}
