using QualityWatch.Alerting;

namespace QualityWatch.WebConsole;

/// <summary>A moment in an alert's life: a state change or a notification, with why and the evidence recorded then.</summary>
internal sealed record AlertPoint(DateTimeOffset At, string What, string Reason, string? NotificationId, AlertEvidence? Evidence);
