namespace QualityWatch.Simulator.Faults;

/// <summary>What goes wrong with one judge request.</summary>
public enum FaultKind
{
    None,

    /// <summary>429: Gemini RESOURCE_EXHAUSTED (per-minute quota), OpenAI <c>rate_limit_exceeded</c>.</summary>
    TooManyRequests,

    /// <summary>Capacity shedding: Gemini 503 UNAVAILABLE; OpenAI flex 429 "Resource Unavailable", other tiers 503.</summary>
    ServiceUnavailable,

    /// <summary>500: Gemini INTERNAL, OpenAI <c>server_error</c>.</summary>
    InternalError,

    /// <summary>200 whose reply text is not valid JSON.</summary>
    MalformedReply,

    /// <summary>No answer until the client gives up or the simulator stops.</summary>
    Hang,

    /// <summary>429 for a daily quota: Gemini QuotaFailure with a <c>PerDay</c> quotaId and no RetryInfo; OpenAI <c>insufficient_quota</c>.</summary>
    DailyQuotaExhausted,

    /// <summary>A normal answer after an extra delay.</summary>
    Delay,

    /// <summary>200 with a verdict of the wrong shape (see <see cref="Verdicts.JudgeErrorKind"/>).</summary>
    WrongShapeVerdict,
}
