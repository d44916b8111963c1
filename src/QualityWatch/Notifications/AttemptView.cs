namespace QualityWatch.Notifications;

/// <summary>One send attempt: when, how it went (sent, retry, failed) and the error, if any.</summary>
internal sealed record AttemptView(long Attempt, DateTimeOffset AttemptedAt, string Outcome, string? Error);
