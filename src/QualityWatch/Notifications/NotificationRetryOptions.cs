namespace QualityWatch.Notifications;

/// <summary>Retry of one delivery: exponential backoff with jitter, then marked failed (and logged).</summary>
internal sealed class NotificationRetryOptions
{
    /// <summary>Wait after the first failed attempt; doubled per attempt. Default 10 s.</summary>
    public TimeSpan InitialDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Longest wait between attempts. Default 10 min.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Attempts before the delivery is marked failed. Default 20.</summary>
    public int MaxAttempts { get; set; } = 20;

    /// <summary>Age after which a delivery still failing is marked failed. Default 24 h.</summary>
    public TimeSpan MaxAge { get; set; } = TimeSpan.FromHours(24);
}
