namespace QualityWatch.Incidents;

/// <summary>Incident log events: ids 4100–4199.</summary>
internal static partial class Log
{
    [LoggerMessage(4100, LogLevel.Information, "Incident {Id} opened: {Kind}, stream {Stream}, {Subject}, by rule {Rule}")]
    public static partial void Opened(ILogger logger, string id, string kind, string stream, string subject, string rule);

    [LoggerMessage(4101, LogLevel.Information, "Incident {Id}: {NotificationKind} handed to {Channels} channel(s): {Reason}")]
    public static partial void Notified(ILogger logger, string id, string notificationKind, int channels, string reason);

    [LoggerMessage(4102, LogLevel.Information, "Incident {Id}: {NotificationKind} held by silence {SilenceId}")]
    public static partial void Silenced(ILogger logger, string id, string notificationKind, string silenceId);

    [LoggerMessage(4103, LogLevel.Information, "Incident {Id} resolved")]
    public static partial void Resolved(ILogger logger, string id);

    [LoggerMessage(4104, LogLevel.Information, "Incident {Id} acknowledged by {By}")]
    public static partial void Acknowledged(ILogger logger, string id, string by);

    [LoggerMessage(4105, LogLevel.Information, "Silence {Id} for stream {Stream} until {EndsAt} set by {By}")]
    public static partial void SilenceCreated(ILogger logger, string id, string stream, DateTimeOffset endsAt, string by);

    [LoggerMessage(4106, LogLevel.Information, "Silence {Id} deleted by {By}")]
    public static partial void SilenceDeleted(ILogger logger, string id, string by);

    [LoggerMessage(4107, LogLevel.Error, "Incidents held by silences could not be checked")]
    public static partial void SweepFailed(ILogger logger, Exception exception);
}
