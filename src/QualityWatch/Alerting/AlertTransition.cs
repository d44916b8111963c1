namespace QualityWatch.Alerting;

/// <summary>A state change and why it happened; <see cref="NotificationKind"/> is set when a notification goes with it.</summary>
internal sealed record AlertTransition(string From, string To, DateTimeOffset At, string Reason, string? NotificationKind);
