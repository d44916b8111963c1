using Microsoft.Extensions.Options;

namespace QualityWatch.Judging;

/// <summary>
/// The one answer to "a judge call gave no verdict, now what?", for the live worker and for backfill
/// alike. Faults of the judge as a whole (a spent daily quota, a refused key, an open circuit) pause
/// every call and give the attempt back, so a configuration problem never burns samples' attempts;
/// a vanished cache is retried at once for free; anything else is an attempt, retried with backoff
/// (or when the provider asked) until <c>Judge:MaxAttempts</c>.
/// </summary>
internal sealed class JudgeFailurePolicy(IOptions<JudgeOptions> options)
{
    /// <summary>How long an open circuit breaker holds calls back.</summary>
    public static readonly TimeSpan CircuitPause = TimeSpan.FromSeconds(30);

    /// <summary>How long a refused key holds calls back before the next try (the key may have been rotated meanwhile).</summary>
    public static readonly TimeSpan UnauthorizedPause = TimeSpan.FromMinutes(1);

    /// <summary>The kinds that pause the judge: samples held back by them did not fail on their own account.</summary>
    public static IReadOnlyList<JudgeFailureKind> PausingKinds { get; } =
        [JudgeFailureKind.DailyQuota, JudgeFailureKind.CircuitOpen, JudgeFailureKind.Unauthorized];

    /// <summary>The decision for a sample's <paramref name="attempts"/>th call; <paramref name="maxAttempts"/> defaults to <c>Judge:MaxAttempts</c> (batch jobs pass <c>Batch:MaxAttempts</c>).</summary>
    public JudgeFailureDecision Decide(JudgeFailureKind kind, int attempts, TimeSpan? retryAfter, DateTimeOffset now, int? maxAttempts = null) => kind switch
    {
        JudgeFailureKind.CacheMissing => new(JudgeFailureAction.Refund, now),

        // A per-day quota does not come back in minutes: one call at the next UTC midnight finds out whether it has.
        JudgeFailureKind.DailyQuota => new(JudgeFailureAction.Pause, NextUtcMidnight(now)),
        JudgeFailureKind.CircuitOpen => new(JudgeFailureAction.Pause, now + CircuitPause),
        JudgeFailureKind.Unauthorized => new(JudgeFailureAction.Pause, now + UnauthorizedPause),
        _ => new(attempts >= (maxAttempts ?? options.Value.MaxAttempts) ? JudgeFailureAction.Failed : JudgeFailureAction.NextAttempt,
            now + (retryAfter ?? options.Value.BackoffAfter(attempts))),
    };

    private static DateTimeOffset NextUtcMidnight(DateTimeOffset now) => new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero).AddDays(1);
}
