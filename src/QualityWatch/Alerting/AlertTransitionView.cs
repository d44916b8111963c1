namespace QualityWatch.Alerting;

/// <summary>One state transition as <c>GET /v1/alerts/history</c> shows it.</summary>
internal sealed record AlertTransitionView(long Id, string Rule, string Stream, string PromptVersion, string From, string To, DateTimeOffset At, string Reason, string? Notified);
