namespace QualityWatch.Notifications;

/// <summary>Notification log events: ids 5000–5099.</summary>
internal static partial class Log
{
    [LoggerMessage(5000, LogLevel.Information, "Notification dispatcher started with {Count} channel(s): {Channels}")]
    public static partial void DispatcherStarted(ILogger logger, int count, string channels);

    [LoggerMessage(5001, LogLevel.Information, "Queued notification {NotificationId} ({Kind}, key {Key}, reason {Reason}) for {Channels} channel(s)")]
    public static partial void Enqueued(ILogger logger, string notificationId, string kind, string key, string reason, int channels);

    [LoggerMessage(5002, LogLevel.Information, "Sent notification {NotificationId} via {Channel} on attempt {Attempt} (reason {Reason})")]
    public static partial void Sent(ILogger logger, string notificationId, string channel, long attempt, string reason);

    [LoggerMessage(5003, LogLevel.Warning, "Notification {NotificationId} via {Channel} failed attempt {Attempt}; next try at {NextAttemptAt:O}: {Error}")]
    public static partial void WillRetry(ILogger logger, string notificationId, string channel, long attempt, DateTimeOffset nextAttemptAt, string error);

    [LoggerMessage(5004, LogLevel.Error, "Gave up on notification {NotificationId} via {Channel} after {Attempts} attempt(s); marked failed: {Error}")]
    public static partial void GaveUp(ILogger logger, string notificationId, string channel, long attempts, string error);

    [LoggerMessage(5005, LogLevel.Error, "The notification lane of {Channel} failed; retrying in {Delay}")]
    public static partial void LaneFailed(ILogger logger, string channel, TimeSpan delay, Exception exception);

    [LoggerMessage(5010, LogLevel.Warning, "Failed delivery attempts via {Channel} repeated {Count} times in the last {Period}; each is retried (only the first is logged)")]
    public static partial void WillRetryRepeated(ILogger logger, string channel, int count, TimeSpan period);

    [LoggerMessage(5011, LogLevel.Error, "Notifications given up via {Channel} repeated {Count} times in the last {Period}; see GET /v1/notifications (only the first is logged)")]
    public static partial void GaveUpRepeated(ILogger logger, string channel, int count, TimeSpan period);

    [LoggerMessage(5012, LogLevel.Error, "The notification lane of {Channel} failed again {Count} times in the last {Period} (only the first is logged in full)")]
    public static partial void LaneFailedRepeated(ILogger logger, string channel, int count, TimeSpan period);

    [LoggerMessage(5006, LogLevel.Debug, "Re-sent firing alert {Key} to Alertmanager")]
    public static partial void Resent(ILogger logger, string key);

    [LoggerMessage(5007, LogLevel.Warning, "Re-sending firing alert {Key} to Alertmanager failed: {Error}")]
    public static partial void ResendFailed(ILogger logger, string key, string error);

    [LoggerMessage(5008, LogLevel.Warning, "Marked {Count} pending delivery(ies) via {Channel} failed: that channel is no longer configured")]
    public static partial void OrphansFailed(ILogger logger, long count, string channel);

    [LoggerMessage(5009, LogLevel.Information, "Firing alert {Key} ({NotificationId}) was resolved before it reached Alertmanager; sent as resolved")]
    public static partial void SupersededByResolve(ILogger logger, string key, string notificationId);
}
